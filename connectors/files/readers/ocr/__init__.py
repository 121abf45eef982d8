"""Reading text off pictures: Tesseract OCR (Thai + English) of images and scanned PDF pages,
and the Thai national ID card read as a card."""
