"""OCR of pictures and scanned PDF pages (Tesseract, real, on the fixtures in tests/data/ocr)."""
