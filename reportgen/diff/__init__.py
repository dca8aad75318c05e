"""`reportgen diff OLD.docx NEW.docx`: what changed between two versions of a plan (any firm's .docx)."""
