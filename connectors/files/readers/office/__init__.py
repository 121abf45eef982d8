"""Office formats beyond OOXML: legacy binary Office (.xls, .doc, .ppt), PowerPoint (.pptx),
OpenDocument (.odt, .ods) and RTF."""
