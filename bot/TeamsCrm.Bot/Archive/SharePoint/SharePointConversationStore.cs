using System.Security.Cryptography;
using System.Text;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Users and conversations in two lists, one item each, found by their unique, indexed Title. Every change is a
/// read followed by a write with If-Match: a concurrent writer makes it 412 (or 409 for two first saves), and the
/// change is made again on what is stored now, as SQLite's single UPDATE statements would have.
/// </summary>
sealed class SharePointConversationStore(SharePointSite site, TimeProvider clock) : IConversationStore
{
    const int MaxAttempts = 8;
    static readonly ListDef Users = SharePointLists.Users, Conversations = SharePointLists.Conversations;

    /// <summary>Teams conversation ids are usually short, but nothing bounds them: past 255 characters the key is a hash.</summary>
    public static string KeyOf(string conversationId) => conversationId.Length <= 255 ? conversationId
        : "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(conversationId)));

    public Task SaveUserAsync(UserRef u, CancellationToken ct = default) =>
        ChangeAsync(Users, u.AadObjectId, createIfMissing: true, existing => new()
        {
            ["TeamsId"] = u.TeamsId, ["DisplayName"] = u.Name, ["TenantId"] = u.TenantId, ["ServiceUrl"] = u.ServiceUrl,
            // A group-chat turn carries no personal conversation: keep the one known.
            ["PersonalConversationId"] = u.PersonalConversationId ?? existing?.Text("PersonalConversationId"),
            ["Locale"] = u.Locale ?? existing?.Text("Locale"),
            ["TimeZone"] = u.TimeZone ?? existing?.Text("TimeZone"),
            ["UpdatedAt"] = Now(),
        }, ct);

    public Task SaveConversationAsync(ConversationRef r, CancellationToken ct = default) =>
        ChangeAsync(Conversations, KeyOf(r.Id), createIfMissing: true, existing => new()
        {
            ["ConversationId"] = r.Id, ["Kind"] = r.Kind.ToString(), ["TenantId"] = r.TenantId, ["ServiceUrl"] = r.ServiceUrl, ["BotId"] = r.BotId,
            ["TeamId"] = r.TeamId ?? existing?.Text("TeamId"), ["TeamName"] = r.TeamName ?? existing?.Text("TeamName"),
            ["ChannelId"] = r.ChannelId ?? existing?.Text("ChannelId"),
            ["BlockedAt"] = null, ["RemovedAt"] = null,   // activity from there: reachable again
            ["UpdatedAt"] = Now(),
        }, ct);

    public async Task<UserRef?> FindUserAsync(string aadObjectId, CancellationToken ct = default) =>
        await site.FindAsync(Users, "Title", aadObjectId, ct) is { } i
            ? new UserRef(i.Text("Title")!, i.Text("TeamsId")!, i.Text("DisplayName")!, i.Text("TenantId")!, i.Text("ServiceUrl")!,
                i.Text("PersonalConversationId"), i.Text("Locale"), i.Text("TimeZone"), i.Text("Brief"),
                i.Text("Settings") is { } settings ? System.Text.Json.JsonSerializer.Deserialize<Domain.People.PersonalSettings>(settings) : null)
            : null;

    public Task SetBriefAsync(string aadObjectId, string? brief, CancellationToken ct = default) =>
        ChangeAsync(Users, aadObjectId, createIfMissing: false, _ => new() { ["Brief"] = brief }, ct);

    public Task SetSettingsAsync(string aadObjectId, Domain.People.PersonalSettings settings, CancellationToken ct = default) =>
        ChangeAsync(Users, aadObjectId, createIfMissing: false, _ => new() { ["Settings"] = System.Text.Json.JsonSerializer.Serialize(settings) }, ct);

    public async Task<ConversationRef?> FindConversationAsync(string conversationId, CancellationToken ct = default) =>
        await FindConversationItemAsync(conversationId, ct) is { } i ? ReadConversation(i) : null;

    /// <summary>The If-Match write makes "first time only" hold when two turns race to welcome the same conversation.</summary>
    public async Task<bool> TryMarkWelcomedAsync(string conversationId, DateTimeOffset at, CancellationToken ct = default)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await FindConversationItemAsync(conversationId, ct) is not { } item || item.Time("WelcomedAt") is not null) return false;
            try
            {
                await site.UpdateAsync(Conversations, item.Id, item.ETag, new Dictionary<string, object?> { ["WelcomedAt"] = ItemFields.Wire(at) }, ct);
                return true;
            }
            catch (Exception e) when (SharePointSite.Is(e, 412)) { }
        }
        throw Busy(conversationId);
    }

    public Task MarkBlockedAsync(string conversationId, DateTimeOffset at, CancellationToken ct = default) =>
        ChangeAsync(Conversations, KeyOf(conversationId), createIfMissing: false, _ => new() { ["BlockedAt"] = ItemFields.Wire(at) }, ct);

    public Task SetInstallerAsync(string conversationId, string aadObjectId, CancellationToken ct = default) =>
        ChangeAsync(Conversations, KeyOf(conversationId), createIfMissing: false, _ => new() { ["InstalledBy"] = aadObjectId }, ct);

    public async Task<string?> InstallerOfAsync(string conversationId, CancellationToken ct = default) =>
        (await FindConversationItemAsync(conversationId, ct))?.Text("InstalledBy");

    public Task MarkRemovedAsync(string conversationId, DateTimeOffset at, CancellationToken ct = default) =>
        ChangeAsync(Conversations, KeyOf(conversationId), createIfMissing: false, _ => new() { ["RemovedAt"] = ItemFields.Wire(at) }, ct);

    public async Task<bool> IsUnreachableAsync(string conversationId, CancellationToken ct = default) =>
        await FindConversationItemAsync(conversationId, ct) is { } i && (i.Time("BlockedAt") is not null || i.Time("RemovedAt") is not null);

    /// <summary>One query on the indexed TeamId; the team's id, the kind (a channel, not a reply thread) and reachability are checked in code.</summary>
    public async Task<IReadOnlyList<ConversationRef>> ChannelsOfTeamAsync(string teamId, CancellationToken ct = default) =>
        [.. (await site.QueryAsync(Conversations, ODataFilter.Eq("TeamId", teamId), ct))
            .Where(i => i.Text("TeamId") == teamId && i.Text("Kind") == nameof(ConversationKind.Channel) && i.Text("ConversationId") == i.Text("ChannelId")
                && i.Time("BlockedAt") is null && i.Time("RemovedAt") is null)
            .Select(ReadConversation).OrderBy(c => c.Id, StringComparer.Ordinal)];

    /// <summary>One query, then each of the team's conversations changed as a save would (If-Match, again on 412).</summary>
    public Task RenameTeamAsync(string teamId, string name, CancellationToken ct = default) =>
        ForEachOfTeamAsync(teamId, _ => new() { ["TeamName"] = name, ["UpdatedAt"] = Now() }, ct);

    public Task MarkTeamRemovedAsync(string teamId, DateTimeOffset at, CancellationToken ct = default) =>
        ForEachOfTeamAsync(teamId, i => i.Time("RemovedAt") is null ? new() { ["RemovedAt"] = ItemFields.Wire(at) } : null, ct);

    async Task ForEachOfTeamAsync(string teamId, Func<ItemFields, Dictionary<string, object?>?> change, CancellationToken ct)
    {
        foreach (var item in await site.QueryAsync(Conversations, ODataFilter.Eq("TeamId", teamId), ct))
            if (item.Text("TeamId") == teamId && change(item) is not null)
                await ChangeAsync(Conversations, item.Text("Title")!, createIfMissing: false, existing => change(existing!) ?? [], ct);
    }

    static ConversationRef ReadConversation(ItemFields i) =>
        new(i.Text("ConversationId")!, Enum.Parse<ConversationKind>(i.Text("Kind")!), i.Text("TenantId")!,
            i.Text("ServiceUrl")!, i.Text("BotId")!, i.Text("TeamId"), i.Text("TeamName"), i.Text("ChannelId"));

    /// <summary>SharePoint's eq ignores case; conversation ids are matched exactly.</summary>
    async Task<ItemFields?> FindConversationItemAsync(string conversationId, CancellationToken ct) =>
        await site.FindAsync(Conversations, "Title", KeyOf(conversationId), ct) is { } i && i.Text("ConversationId") == conversationId ? i : null;

    /// <summary>Writes <paramref name="fields"/> (made from what is stored) over the item with this key, or creates it.</summary>
    async Task ChangeAsync(ListDef list, string key, bool createIfMissing, Func<ItemFields?, Dictionary<string, object?>> fields, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var existing = await site.FindAsync(list, "Title", key, ct);
            try
            {
                if (existing is not null)
                    await site.UpdateAsync(list, existing.Id, existing.ETag, fields(existing), ct);
                else if (createIfMissing)
                {
                    var created = fields(null).Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value);
                    created["Title"] = key;
                    await site.CreateAsync(list, created, ct);
                }
                return;
            }
            catch (Exception e) when (SharePointSite.Is(e, 412) || SharePointSite.Is(e, 409)) { }
        }
        throw Busy(key);
    }

    object? Now() => ItemFields.Wire(clock.GetUtcNow());

    static InvalidOperationException Busy(string key) => new($"'{key}' kept changing under {MaxAttempts} attempts to write it.");
}
