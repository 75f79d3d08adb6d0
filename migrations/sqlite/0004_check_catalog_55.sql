-- 0004: the 対策状況チェック becomes the sheet's 55 items (付録7: 「『対策状況
-- チェック』シートで５５項目」), numbered by the 診断結果 sheet's categories
-- (物理的セキュリティ対策 is （６）). Stored answers follow their items:
--
-- * every item of the 59-item catalog has a successor (content/editions/3.0/
--   risk_catalog.yaml lists them under `replaces`; a unit test keeps that list
--   and the one below the same);
-- * items merged into one: when their answers agree, the new item takes that
--   answer. When they differ, the new item takes a combined answer (the
--   answers other than 4 if they agree, otherwise 2 一部実施している) and each
--   old answer is kept in control_answer_reviews, so the 対策状況チェック page
--   shows it as 要確認 until someone answers the new item or dismisses it;
-- * an answer to an id that is in neither list (no successor) is never
--   dropped: it moves to control_answer_reviews with an empty successor and is
--   shown as 要確認 the same way.
--
-- Planned (what-if) answers follow the same mapping; a plan for an id with no
-- successor cannot be shown on any item, so it is dropped (plans are drafts,
-- the real answers are what must not be lost).

-- Old id → new id, with the old wording so that a review can show it.
CREATE TABLE check_item_successors_0004 (
	old_id   TEXT PRIMARY KEY,
	new_id   TEXT NOT NULL,
	old_text TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO check_item_successors_0004 (old_id, new_id, old_text) VALUES
	('c01-01', 'c01-01', '経営者が情報セキュリティの方針を定め、従業員に伝えている'),
	('c01-02', 'c01-02', '情報セキュリティの責任者と担当者を決め、役割をはっきりさせている'),
	('c01-03', 'c01-03', '決めたルールが守られているかを年に1回以上点検し、結果を経営者に報告している'),
	('c01-04', 'c01-04', '新しい脅威や脆弱性の情報を公的機関などから集め、社内で共有している'),
	('c02-01', 'c02-01', '従業員と、秘密を守ることについての約束（誓約書や就業規則）を交わしている'),
	('c02-02', 'c02-02', '退職する従業員から資料や機器を返してもらい、退職後も秘密を守る約束をしている'),
	('c02-03', 'c02-03', '全従業員に、年に1回以上、情報セキュリティの教育を行っている'),
	('c02-04', 'c02-03', '不審なメールの見分け方と、開いてしまったときの連絡先を従業員に知らせている'),
	('c02-05', 'c02-04', 'IT を担当する人が、研修やセミナーで知識を新しくできるようにしている'),
	('c03-01', 'c03-01', '重要な情報資産を洗い出し、台帳で管理している'),
	('c03-02', 'c03-02', '重要な書類やファイルに「社外秘」などの表示をしている'),
	('c03-03', 'c03-03', '重要な情報や機器を社外へ持ち出すときは、許可を得て記録を残している'),
	('c03-04', 'c03-04', '重要な書類は、シュレッダーや溶解処理で読めない状態にして捨てている'),
	('c03-05', 'c03-05', 'パソコンや記録媒体を捨てる・人に譲るときは、データを完全に消している'),
	('c03-06', 'c03-06', '重要なデータを、決まった間隔でバックアップしている'),
	('c03-07', 'c03-07', 'バックアップの1つは、ふだん使うネットワークから切り離した場所に置いている'),
	('c03-08', 'c03-08', 'バックアップから実際にデータを戻せるかを、ときどき試している'),
	('c05-03', 'c03-09', '重要な書類や記録媒体は、鍵のかかるキャビネットや金庫にしまっている'),
	('c04-01', 'c04-01', '重要な情報は、業務で必要な人だけが見られるように権限を設定している'),
	('c04-02', 'c04-02', 'IDは一人にひとつ発行し、異動・退職で不要になったIDはすぐに止めている'),
	('c04-03', 'c04-03', 'パスワードは長く推測されにくいものにし、サービスごとに変えている'),
	('c04-04', 'c04-04', '社外から使うクラウドサービスや社内への接続には、多要素認証を設定している'),
	('c04-05', 'c04-05', '管理者権限のIDは限られた人だけが持ち、ふだんの作業には使っていない'),
	('c04-06', 'c04-06', 'パソコンやスマホは、しばらく操作しないと自動で画面がロックされる'),
	('c06-01', 'c05-01', 'パソコンやスマホのOSとソフトウェアを、いつも最新の状態にしている'),
	('c06-02', 'c05-02', 'すべてのパソコンとスマホでウイルス対策ソフトが動き、USBメモリなども使う前に検査している'),
	('c06-03', 'c05-03', '業務で使うソフトウェアやアプリは、会社が認めたものに限っている'),
	('c06-04', 'c05-04', '席を離れるときは、机の上に書類を出しっぱなしにせず、画面をロックしている'),
	('c06-05', 'c05-05', 'メールを送る前に宛先と添付ファイルを確かめ、大勢への連絡にはBCCを使っている'),
	('c06-06', 'c05-05', '重要な情報を社外へ送るときは、暗号化や、期限と相手を絞った共有リンクを使っている'),
	('c06-07', 'c05-06', '持ち出すノートパソコン・スマホ・USBメモリは、保存データを暗号化している'),
	('c06-08', 'c05-07', '私物のパソコンやスマホを業務に使うときのルールを決めている'),
	('c05-01', 'c06-01', '事務所に、部外者が許可なく入れないようにしている'),
	('c05-02', 'c06-02', '最後に帰る人が事務所を施錠し、その記録を残している'),
	('c05-04', 'c06-03', 'サーバーやネットワーク機器は、限られた人しか触れない場所に置いている'),
	('c05-06', 'c06-04', '私物のパソコンや記録媒体を、重要な情報を扱う場所へ持ち込ませていない'),
	('c07-01', 'c07-01', 'サーバーやルーター・NAS などのソフトウェアやファームウェアを更新している'),
	('c07-02', 'c07-02', 'インターネットとの出入り口にファイアウォールやUTMを置き、不要な通信を止めている'),
	('c07-03', 'c07-03', '無線LANは強い暗号化とパスワードで守り、来客用と業務用を分けている'),
	('c07-04', 'c07-04', '社外から社内へのつなぎ方と、外出先でのWi-Fiの使い方を決めている'),
	('c07-05', 'c07-05', 'サーバーやクラウドサービスの利用記録（ログ）を残し、ときどき確認している'),
	('c07-06', 'c07-06', 'クラウドサービスは、セキュリティ対策や障害時の対応を確かめてから使い始めている'),
	('c07-07', 'c07-07', 'クラウドサービスの共有設定や公開範囲を、定期的に見直している'),
	('c07-08', 'c07-08', '業務用のスマホやノートパソコンを一覧で管理し、なくしたときに遠隔でロック・消去できる'),
	('c08-01', 'c08-01', 'ホームページや業務システムを作る・直すときは、セキュリティの条件を決め、公開前に確かめている'),
	('c08-02', 'c08-02', 'ホームページのCMSやプラグイン、業務システムの弱点が見つかったら、修正を当てている'),
	('c08-03', 'c08-03', 'システムの変更は、本番とは別の環境で試してから反映し、内容を記録している'),
	('c09-01', 'c09-01', '重要な情報を扱う仕事を委託するときは、委託先のセキュリティ対策を確かめて選んでいる'),
	('c09-02', 'c09-02', '委託契約に、秘密保持と、事故が起きたときの報告について書いている'),
	('c09-03', 'c09-03', '委託先の対策状況を、チェックリストなどで定期的に確かめている'),
	('c10-01', 'c10-01', '事故が起きたときの連絡先と報告の流れを決め、全員に知らせている'),
	('c10-02', 'c10-02', 'ウイルス感染に気づいたときの最初の動き（ネットワークから外すなど）を決めている'),
	('c10-03', 'c10-03', '情報が漏れたときの対応（被害の確認、本人や取引先への連絡、当局への報告）の手順を決めている'),
	('c10-04', 'c10-04', 'システムの停止や災害に備えて、復旧の手順と責任者を決めている'),
	('c05-05', 'c10-05', 'サーバーや重要書類の置き場所に、火災・地震・停電・水への備えをしている'),
	('c10-05', 'c10-05', 'なくなると困る書類は、写しや電子化したデータを別の場所にも保管している'),
	('c11-01', 'c11-01', 'マイナンバーを扱う担当者と、扱ってよい事務の範囲を決めている'),
	('c11-02', 'c11-01', 'マイナンバーを含む書類やデータは、担当者以外が見られないようにしている'),
	('c11-03', 'c11-02', '必要がなくなったマイナンバーは、速やかに廃棄・削除している');

-- Answers that need someone to look at them again.
CREATE TABLE control_answer_reviews (
	org_id       INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
	old_item_id  TEXT NOT NULL CHECK (old_item_id <> ''),
	old_text     TEXT NOT NULL DEFAULT '',
	answer       INTEGER NOT NULL CHECK (answer BETWEEN 1 AND 4),
	-- The item that took over, or '' when there is none.
	successor_id TEXT NOT NULL DEFAULT '',
	reason       TEXT NOT NULL CHECK (reason IN ('merged', 'removed')),
	updated_at   TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (org_id, old_item_id)
) WITHOUT ROWID;

-- Merged items whose answers disagree: keep every old answer for review.
INSERT INTO control_answer_reviews (org_id, old_item_id, old_text, answer, successor_id, reason, updated_at)
SELECT a.org_id, a.item_id, m.old_text, a.answer, m.new_id, 'merged', a.updated_at
FROM control_answers a
JOIN check_item_successors_0004 m ON m.old_id = a.item_id
WHERE EXISTS (
	SELECT 1 FROM control_answers b
	JOIN check_item_successors_0004 n ON n.old_id = b.item_id
	WHERE b.org_id = a.org_id AND n.new_id = m.new_id AND b.answer <> a.answer
);

-- Answers to items with no successor.
INSERT INTO control_answer_reviews (org_id, old_item_id, old_text, answer, successor_id, reason, updated_at)
SELECT a.org_id, a.item_id, '', a.answer, '', 'removed', a.updated_at
FROM control_answers a
WHERE a.item_id NOT IN (SELECT old_id FROM check_item_successors_0004);

-- The answers under the new ids, real and planned.
CREATE TABLE staged_answers_0004 (
	planned    INTEGER NOT NULL,
	org_id     INTEGER NOT NULL,
	item_id    TEXT NOT NULL,
	answer     INTEGER NOT NULL,
	updated_at TEXT NOT NULL
);
INSERT INTO staged_answers_0004 (planned, org_id, item_id, answer, updated_at)
SELECT 0, a.org_id, m.new_id,
	CASE
		WHEN MIN(a.answer) = MAX(a.answer) THEN MIN(a.answer)
		WHEN MIN(CASE WHEN a.answer < 4 THEN a.answer END) = MAX(CASE WHEN a.answer < 4 THEN a.answer END)
			THEN MIN(CASE WHEN a.answer < 4 THEN a.answer END)
		ELSE 2
	END,
	MAX(a.updated_at)
FROM control_answers a
JOIN check_item_successors_0004 m ON m.old_id = a.item_id
GROUP BY a.org_id, m.new_id;
INSERT INTO staged_answers_0004 (planned, org_id, item_id, answer, updated_at)
SELECT 1, a.org_id, m.new_id,
	CASE
		WHEN MIN(a.answer) = MAX(a.answer) THEN MIN(a.answer)
		WHEN MIN(CASE WHEN a.answer < 4 THEN a.answer END) = MAX(CASE WHEN a.answer < 4 THEN a.answer END)
			THEN MIN(CASE WHEN a.answer < 4 THEN a.answer END)
		ELSE 2
	END,
	MAX(a.updated_at)
FROM planned_control_answers a
JOIN check_item_successors_0004 m ON m.old_id = a.item_id
GROUP BY a.org_id, m.new_id;

DELETE FROM control_answers;
INSERT INTO control_answers (org_id, item_id, answer, updated_at)
SELECT org_id, item_id, answer, updated_at FROM staged_answers_0004 WHERE planned = 0;
DELETE FROM planned_control_answers;
INSERT INTO planned_control_answers (org_id, item_id, answer, updated_at)
SELECT org_id, item_id, answer, updated_at FROM staged_answers_0004 WHERE planned = 1;

DROP TABLE staged_answers_0004;
DROP TABLE check_item_successors_0004;
