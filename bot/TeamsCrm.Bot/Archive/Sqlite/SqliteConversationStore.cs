using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Archive.Sqlite;

sealed class SqliteConversationStore(SqliteDatabase db, TimeProvider clock) : IConversationStore
{
    public async Task SaveUserAsync(UserRef u, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await Sql.ExecAsync(c, """
            INSERT INTO users (aad_object_id, teams_id, name, tenant_id, service_url, personal_conversation_id, locale, time_zone, updated_at)
            VALUES ($aad, $teams, $name, $tenant, $url, $personal, $locale, $zone, $now)
            ON CONFLICT(aad_object_id) DO UPDATE SET teams_id = $teams, name = $name, tenant_id = $tenant, service_url = $url,
                personal_conversation_id = COALESCE($personal, personal_conversation_id), locale = COALESCE($locale, locale),
                time_zone = COALESCE($zone, time_zone), updated_at = $now
            """, ct, ("$aad", u.AadObjectId), ("$teams", u.TeamsId), ("$name", u.Name), ("$tenant", u.TenantId),
            ("$url", u.ServiceUrl), ("$personal", u.PersonalConversationId), ("$locale", u.Locale), ("$zone", u.TimeZone), ("$now", Now()));
    }

    public async Task SaveConversationAsync(ConversationRef r, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await Sql.ExecAsync(c, """
            INSERT INTO conversations (id, kind, tenant_id, service_url, bot_id, team_id, team_name, channel_id, updated_at)
            VALUES ($id, $kind, $tenant, $url, $bot, $team, $teamName, $channel, $now)
            ON CONFLICT(id) DO UPDATE SET kind = $kind, tenant_id = $tenant, service_url = $url, bot_id = $bot,
                team_id = COALESCE($team, team_id), team_name = COALESCE($teamName, team_name),
                channel_id = COALESCE($channel, channel_id), blocked_at = NULL, removed_at = NULL, updated_at = $now
            """, ct, ("$id", r.Id), ("$kind", r.Kind.ToString()), ("$tenant", r.TenantId), ("$url", r.ServiceUrl),
            ("$bot", r.BotId), ("$team", r.TeamId), ("$teamName", r.TeamName), ("$channel", r.ChannelId), ("$now", Now()));
    }

    public async Task SetBriefAsync(string aadObjectId, string? brief, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await Sql.ExecAsync(c, "UPDATE users SET brief = $brief WHERE aad_object_id = $aad", ct, ("$aad", aadObjectId), ("$brief", brief));
    }

    public async Task SetSettingsAsync(string aadObjectId, Domain.People.PersonalSettings settings, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await Sql.ExecAsync(c, "UPDATE users SET settings = $settings WHERE aad_object_id = $aad", ct, ("$aad", aadObjectId),
            ("$settings", System.Text.Json.JsonSerializer.Serialize(settings)));
    }

    public async Task<UserRef?> FindUserAsync(string aadObjectId, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await using var cmd = Sql.Command(c, "SELECT aad_object_id, teams_id, name, tenant_id, service_url, personal_conversation_id, locale, time_zone, brief, settings FROM users WHERE aad_object_id = $aad", ("$aad", aadObjectId));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct)
            ? new UserRef(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8),
                r.IsDBNull(9) ? null : System.Text.Json.JsonSerializer.Deserialize<Domain.People.PersonalSettings>(r.GetString(9)))
            : null;
    }

    public async Task<ConversationRef?> FindConversationAsync(string conversationId, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await using var cmd = Sql.Command(c, "SELECT id, kind, tenant_id, service_url, bot_id, team_id, team_name, channel_id FROM conversations WHERE id = $id", ("$id", conversationId));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? ReadConversation(r) : null;
    }

    public async Task<bool> TryMarkWelcomedAsync(string conversationId, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await Sql.ExecAsync(c, "UPDATE conversations SET welcomed_at = $at WHERE id = $id AND welcomed_at IS NULL", ct,
            ("$id", conversationId), ("$at", Sql.Iso(at))) == 1;
    }

    public async Task MarkBlockedAsync(string conversationId, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await Sql.ExecAsync(c, "UPDATE conversations SET blocked_at = $at WHERE id = $id", ct, ("$id", conversationId), ("$at", Sql.Iso(at)));
    }

    public async Task SetInstallerAsync(string conversationId, string aadObjectId, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await Sql.ExecAsync(c, "UPDATE conversations SET installed_by = $by WHERE id = $id", ct, ("$id", conversationId), ("$by", aadObjectId));
    }

    public async Task<string?> InstallerOfAsync(string conversationId, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await using var cmd = Sql.Command(c, "SELECT installed_by FROM conversations WHERE id = $id", ("$id", conversationId));
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    public async Task MarkRemovedAsync(string conversationId, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await Sql.ExecAsync(c, "UPDATE conversations SET removed_at = $at WHERE id = $id", ct, ("$id", conversationId), ("$at", Sql.Iso(at)));
    }

    public async Task<bool> IsUnreachableAsync(string conversationId, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await using var cmd = Sql.Command(c, "SELECT blocked_at IS NOT NULL OR removed_at IS NOT NULL FROM conversations WHERE id = $id", ("$id", conversationId));
        return await cmd.ExecuteScalarAsync(ct) is long flag && flag == 1;
    }

    public async Task<IReadOnlyList<ConversationRef>> ChannelsOfTeamAsync(string teamId, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await Sql.ListAsync(c, """
            SELECT id, kind, tenant_id, service_url, bot_id, team_id, team_name, channel_id FROM conversations
            WHERE team_id = $team AND kind = 'Channel' AND id = channel_id AND blocked_at IS NULL AND removed_at IS NULL ORDER BY id
            """, ReadConversation, ct, ("$team", teamId));
    }

    public async Task RenameTeamAsync(string teamId, string name, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await Sql.ExecAsync(c, "UPDATE conversations SET team_name = $name, updated_at = $now WHERE team_id = $team", ct,
            ("$team", teamId), ("$name", name), ("$now", Now()));
    }

    public async Task MarkTeamRemovedAsync(string teamId, DateTimeOffset at, CancellationToken ct = default)
    {
        await using var c = db.Open();
        await Sql.ExecAsync(c, "UPDATE conversations SET removed_at = $at WHERE team_id = $team AND removed_at IS NULL", ct,
            ("$team", teamId), ("$at", Sql.Iso(at)));
    }

    static ConversationRef ReadConversation(Microsoft.Data.Sqlite.SqliteDataReader r) =>
        new(r.GetString(0), Enum.Parse<ConversationKind>(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4),
            r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7));

    string Now() => Sql.Iso(clock.GetUtcNow());
}
