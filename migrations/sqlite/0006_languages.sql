-- 0006: languages (issue 7). Each user may choose the UI language ('' = not
-- chosen: the browser's Accept-Language decides). Each organisation chooses the
-- language of its generated documents apart from anyone's UI language, so a
-- foreign manager can read the UI in English while the firm's documents stay
-- in Japanese.
ALTER TABLE users ADD COLUMN locale TEXT NOT NULL DEFAULT ''
	CHECK (locale IN ('', 'ja', 'en'));
ALTER TABLE organizations ADD COLUMN document_locale TEXT NOT NULL DEFAULT 'ja'
	CHECK (document_locale IN ('ja', 'en'));
