"""Archives beyond ZIP (.tar, .tar.gz, .7z): members read by their own formats' readers under
the same guards as ZIP members."""
