using System.Text.Json;
using Microsoft.Data.Sqlite;
using TeamsCrm.Bot.Domain.Approvals;

namespace TeamsCrm.Bot.Archive.Sqlite;

sealed class SqliteApprovalStore(SqliteDatabase db) : IApprovalStore
{
    const string Columns = """
        a.id, a.request_key, a.kind, a.subject, a.subject_name, a.requester_aad_object_id, a.payload, a.status,
        a.decided_by_aad_object_id, a.decided_at, a.comment, a.effect_applied_at, a.created_at, a.version, a.finish, a.routing
        """;

    public async Task<Approval> CreateAsync(Approval request, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await using (var tx = c.BeginTransaction(deferred: false))
        {
            var inserted = await Sql.ExecAsync(c, """
                INSERT INTO approvals (id, request_key, kind, subject, subject_name, requester_aad_object_id, payload, status,
                    decided_by_aad_object_id, decided_at, comment, effect_applied_at, created_at, version, routing)
                VALUES ($id, $key, $kind, $subject, $name, $requester, $payload, $status, NULL, NULL, NULL, NULL, $created, 1, $routing)
                ON CONFLICT(request_key) DO NOTHING
                """, ct, ("$id", request.Id), ("$key", request.RequestKey), ("$kind", request.Kind.ToString()), ("$subject", request.Subject),
                ("$name", request.SubjectName), ("$requester", request.RequesterAadObjectId), ("$payload", JsonSerializer.Serialize(request.Payload)),
                ("$status", request.Status.ToString()), ("$created", Sql.Iso(request.CreatedAt)),
                ("$routing", JsonSerializer.Serialize(request.Routing)));
            if (inserted == 1)
                foreach (var approver in request.ApproverAadObjectIds.Distinct(StringComparer.OrdinalIgnoreCase))
                    await Sql.ExecAsync(c, "INSERT INTO approval_approvers (approval_id, aad_object_id) VALUES ($id, $aad)", ct,
                        ("$id", request.Id), ("$aad", approver));
            await tx.CommitAsync(ct);
        }
        return (await QueryAsync(c, "a.request_key = $key", "", ct, ("$key", request.RequestKey)))[0];
    }

    public async Task<Approval?> GetAsync(string id, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return (await QueryAsync(c, "a.id = $id", "", ct, ("$id", id))).FirstOrDefault();
    }

    public async Task<Approval> SaveAsync(Approval updated, CancellationToken ct = default)
    {
        await using var c = db.Open();
        var version = long.TryParse(updated.Version, out var v) ? v : -1;
        int changed;
        // The approvers move with the routing (escalation, delegation, reassignment): both in one transaction.
        await using (var tx = c.BeginTransaction(deferred: false))
        {
            changed = await Sql.ExecAsync(c, """
                UPDATE approvals SET status = $status, decided_by_aad_object_id = $by, decided_at = $at, comment = $comment,
                    effect_applied_at = $effect, payload = $payload, finish = $finish, finish_due_at = $due, routing = $routing, version = version + 1
                WHERE id = $id AND version = $version
                """, ct, ("$id", updated.Id), ("$version", version), ("$status", updated.Status.ToString()), ("$by", updated.DecidedByAadObjectId),
                ("$at", Sql.Iso(updated.DecidedAt)), ("$comment", updated.Comment), ("$effect", Sql.Iso(updated.EffectAppliedAt)),
                ("$payload", JsonSerializer.Serialize(updated.Payload)),
                ("$finish", updated.Finish is { } finish ? JsonSerializer.Serialize(finish) : null), ("$due", Sql.Iso(updated.Finish?.DueAt)),
                ("$routing", JsonSerializer.Serialize(updated.Routing)));
            if (changed == 1 && updated.ApproverAadObjectIds.Count > 0)
            {
                await Sql.ExecAsync(c, "DELETE FROM approval_approvers WHERE approval_id = $id", ct, ("$id", updated.Id));
                foreach (var approver in updated.ApproverAadObjectIds.Distinct(StringComparer.OrdinalIgnoreCase))
                    await Sql.ExecAsync(c, "INSERT INTO approval_approvers (approval_id, aad_object_id) VALUES ($id, $aad)", ct,
                        ("$id", updated.Id), ("$aad", approver));
            }
            await tx.CommitAsync(ct);
        }
        var stored = (await QueryAsync(c, "a.id = $id", "", ct, ("$id", updated.Id))).FirstOrDefault()
            ?? throw new InvalidOperationException($"No approval {updated.Id}.");
        return changed == 1 ? stored : throw new ApprovalConflictException(stored);
    }

    public async Task AddCopyAsync(string id, CardCopy copy, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await Sql.ExecAsync(c, """
            INSERT INTO approval_copies (approval_id, conversation_id, activity_id, service_url, shared) VALUES ($id, $conversation, $activity, $url, $shared)
            ON CONFLICT DO NOTHING
            """, ct, ("$id", id), ("$conversation", copy.ConversationId), ("$activity", copy.ActivityId), ("$url", copy.ServiceUrl),
            ("$shared", copy.Shared is { } shared ? (shared ? 1 : 0) : null));
    }

    public async Task<IReadOnlyList<Approval>> PendingForApproverAsync(string approverAadObjectId, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await QueryAsync(c, "a.id IN (SELECT approval_id FROM approval_approvers WHERE aad_object_id = $aad) AND a.status = 'Pending'",
            "ORDER BY a.created_at, a.id", ct, ("$aad", approverAadObjectId));
    }

    public async Task<IReadOnlyList<Approval>> OpenForRequesterAsync(string requesterAadObjectId, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await QueryAsync(c, "a.requester_aad_object_id = $aad AND a.status = 'Pending'", "ORDER BY a.created_at, a.id", ct,
            ("$aad", requesterAadObjectId));
    }

    public async Task<IReadOnlyList<Approval>> PendingCreatedBeforeAsync(DateTimeOffset before, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await QueryAsync(c, "a.status = 'Pending' AND a.created_at < $before", "ORDER BY a.created_at, a.id", ct, ("$before", Sql.Iso(before)));
    }

    public async Task<IReadOnlyList<Approval>> ForSubjectAsync(string subject, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await QueryAsync(c, "a.subject = $subject", "ORDER BY a.created_at DESC, a.id DESC", ct, ("$subject", subject));
    }

    /// <summary>On the index approvals_decided (step 19).</summary>
    public async Task<IReadOnlyList<Approval>> DecidedSinceAsync(DateTimeOffset since, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await QueryAsync(c, "a.decided_at >= $since AND a.status IN ('Approved', 'Rejected')", "ORDER BY a.decided_at, a.id", ct,
            ("$since", Sql.Iso(since)));
    }

    /// <summary>On the partial index approvals_finish_due, which holds only requests with steps left.</summary>
    public async Task<IReadOnlyList<Approval>> FinishDueAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await QueryAsync(c, "a.finish_due_at IS NOT NULL AND a.finish_due_at <= $now", "ORDER BY a.finish_due_at, a.id", ct, ("$now", Sql.Iso(now)));
    }

    static async Task<List<Approval>> QueryAsync(SqliteConnection c, string where, string order, CancellationToken ct,
        params (string Name, object? Value)[] args)
    {
        var rows = await Sql.ListAsync(c, $"SELECT {Columns} FROM approvals a WHERE {where} {order}", Read, ct, args);
        for (var i = 0; i < rows.Count; i++)
        {
            var id = rows[i].Id;
            var approvers = await Sql.ListAsync(c, "SELECT aad_object_id FROM approval_approvers WHERE approval_id = $id ORDER BY rowid",
                r => r.GetString(0), ct, ("$id", id));
            var copies = await Sql.ListAsync(c, "SELECT conversation_id, activity_id, service_url, shared FROM approval_copies WHERE approval_id = $id ORDER BY seq",
                r => new CardCopy(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt64(3) != 0), ct, ("$id", id));
            rows[i] = rows[i] with { ApproverAadObjectIds = approvers, Copies = copies };
        }
        return rows;
    }

    static Approval Read(SqliteDataReader r) => new()
    {
        Id = r.Text("id"), RequestKey = r.Text("request_key"), Kind = r.EnumOf<ApprovalKind>("kind"), Subject = r.Text("subject"),
        SubjectName = r.Text("subject_name"), RequesterAadObjectId = r.Text("requester_aad_object_id"),
        Payload = JsonSerializer.Deserialize<ApprovalPayload>(r.Text("payload")) ?? new(), Status = r.EnumOf<ApprovalStatus>("status"),
        DecidedByAadObjectId = r.TextOrNull("decided_by_aad_object_id"), DecidedAt = r.TimeOrNull("decided_at"), Comment = r.TextOrNull("comment"),
        EffectAppliedAt = r.TimeOrNull("effect_applied_at"), CreatedAt = r.Time("created_at"),
        Version = r.Integer("version").ToString(System.Globalization.CultureInfo.InvariantCulture), ApproverAadObjectIds = [],
        Finish = r.TextOrNull("finish") is { } finish ? JsonSerializer.Deserialize<FinishWork>(finish) : null,
        Routing = r.TextOrNull("routing") is { } routing ? JsonSerializer.Deserialize<ApprovalRouting>(routing) ?? new() : new(),
    };
}
