namespace TeamsCrm.Bot.Archive.Sqlite;

static partial class SqliteMigrations
{
    /// <summary>
    /// 4: approvals. Approvers and card copies in tables of their own, so that "pending for me" is one index look-up;
    /// the payload (field changes, reason, grant days) is JSON, read and written whole.
    /// </summary>
    const string Step4Approvals =
        """
        CREATE TABLE approvals (
            id TEXT PRIMARY KEY,
            request_key TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            subject_name TEXT NOT NULL,
            requester_aad_object_id TEXT NOT NULL COLLATE NOCASE,
            payload TEXT NOT NULL,
            status TEXT NOT NULL,
            decided_by_aad_object_id TEXT,
            decided_at TEXT,
            comment TEXT,
            effect_applied_at TEXT,
            created_at TEXT NOT NULL,
            version INTEGER NOT NULL
        );
        CREATE INDEX approvals_requester ON approvals(requester_aad_object_id, status, created_at);
        CREATE INDEX approvals_status ON approvals(status, created_at);
        CREATE INDEX approvals_subject ON approvals(subject, created_at);

        CREATE TABLE approval_approvers (
            approval_id TEXT NOT NULL REFERENCES approvals(id),
            aad_object_id TEXT NOT NULL COLLATE NOCASE,
            PRIMARY KEY (approval_id, aad_object_id)
        );
        CREATE INDEX approval_approvers_person ON approval_approvers(aad_object_id);

        CREATE TABLE approval_copies (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            approval_id TEXT NOT NULL REFERENCES approvals(id),
            conversation_id TEXT NOT NULL,
            activity_id TEXT NOT NULL,
            service_url TEXT NOT NULL,
            UNIQUE (approval_id, conversation_id, activity_id)
        );
        """;

    /// <summary>
    /// 8: finishing a decision. The steps left after it are JSON on the request; finish_due_at (NULL once done) is when a
    /// sweep should look next, in a partial index that holds only the unfinished. A card copy says whether it was posted
    /// where many read it (shared); copies stored before this step have NULL there (ApprovalDesk decides what they are).
    /// </summary>
    const string Step8ApprovalFinish =
        """
        ALTER TABLE approvals ADD COLUMN finish TEXT;
        ALTER TABLE approvals ADD COLUMN finish_due_at TEXT;
        CREATE INDEX approvals_finish_due ON approvals(finish_due_at) WHERE finish_due_at IS NOT NULL;
        ALTER TABLE approval_copies ADD COLUMN shared INTEGER;
        """;
}
