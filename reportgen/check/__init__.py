"""`reportgen check`: read an existing plan (.docx, .pdf, .txt/.md) into the document model and report findings."""
