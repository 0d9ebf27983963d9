using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace TeamsCrm.FakeGraph.State;

/// <summary>An Entra ID user as GET /users/{id} and /users/{id}/manager return it.</summary>
public sealed record FakeUser(string Id, string DisplayName, string? Mail = null, string? UserPrincipalName = null, string? JobTitle = null);

/// <summary>The users and their managers that tests seed; the bot's directory reads managers from /users/{id}/manager.</summary>
public sealed class FakeDirectory
{
    readonly ConcurrentDictionary<string, FakeUser> _users = new(StringComparer.OrdinalIgnoreCase);
    readonly ConcurrentDictionary<string, string> _managers = new(StringComparer.OrdinalIgnoreCase);
    readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _groups = new(StringComparer.OrdinalIgnoreCase);
    readonly ConcurrentDictionary<string, JsonObject> _autoReplies = new(StringComparer.OrdinalIgnoreCase);
    readonly ConcurrentDictionary<string, byte> _noMailbox = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<FakeUser> Users => [.. _users.Values];

    /// <summary>Adds or replaces a user; with <paramref name="managerId"/>, also sets the manager (who must exist by lookup time).</summary>
    public FakeUser AddUser(FakeUser user, string? managerId = null)
    {
        _users[user.Id] = user;
        if (managerId is not null) SetManager(user.Id, managerId);
        return user;
    }

    public void SetManager(string userId, string managerId) => _managers[userId] = managerId;

    public void RemoveManager(string userId) => _managers.TryRemove(userId, out _);

    /// <summary>Users are found by object id or user principal name, as Graph's /users/{id | userPrincipalName} does.</summary>
    public FakeUser? Find(string idOrUpn) =>
        _users.TryGetValue(idOrUpn, out var user) ? user
        : _users.Values.FirstOrDefault(u => string.Equals(u.UserPrincipalName, idOrUpn, StringComparison.OrdinalIgnoreCase));

    /// <summary>Makes the user a member of a security group (the bot maps Entra groups to roles).</summary>
    public void AddToGroup(string groupId, string userId) =>
        _groups.GetOrAdd(groupId, _ => new(StringComparer.OrdinalIgnoreCase))[userId] = 0;

    public bool HasGroup(string groupId) => _groups.ContainsKey(groupId);

    /// <summary>Members in a stable order (by id), as paging needs.</summary>
    public IReadOnlyList<FakeUser> MembersOf(string groupId) =>
        _groups.TryGetValue(groupId, out var members)
            ? [.. members.Keys.Select(Find).OfType<FakeUser>().OrderBy(u => u.Id, StringComparer.Ordinal)]
            : [];

    public IReadOnlyList<FakeUser> DirectReportsOf(string managerId) =>
        [.. _managers.Where(m => string.Equals(m.Value, managerId, StringComparison.OrdinalIgnoreCase))
            .Select(m => Find(m.Key)).OfType<FakeUser>().OrderBy(u => u.Id, StringComparer.Ordinal)];

    /// <summary>
    /// The user's automatic replies as Graph's automaticRepliesSetting resource (status disabled, alwaysEnabled or scheduled,
    /// scheduledStartDateTime and scheduledEndDateTime as dateTimeTimeZone); a user never set has them disabled.
    /// </summary>
    public void SetAutomaticReplies(string userId, JsonObject setting) => _autoReplies[userId] = (JsonObject)setting.DeepClone();

    /// <summary>A user with no Exchange Online mailbox: their mailboxSettings answer 404, as Graph's do.</summary>
    public void RemoveMailbox(string userId) => _noMailbox[userId] = 0;

    public bool HasMailbox(string userId) => !_noMailbox.ContainsKey(userId);

    /// <summary>The app was not granted MailboxSettings.Read: every mailboxSettings read answers 403 ErrorAccessDenied.</summary>
    public bool MailboxSettingsDenied { get; set; }

    public JsonObject AutomaticRepliesOf(string userId) => _autoReplies.TryGetValue(userId, out var set) ? (JsonObject)set.DeepClone() : new JsonObject
    {
        ["status"] = "disabled", ["externalAudience"] = "all", ["internalReplyMessage"] = "", ["externalReplyMessage"] = "",
        ["scheduledStartDateTime"] = new JsonObject { ["dateTime"] = "2026-01-01T00:00:00.0000000", ["timeZone"] = "UTC" },
        ["scheduledEndDateTime"] = new JsonObject { ["dateTime"] = "2026-01-02T00:00:00.0000000", ["timeZone"] = "UTC" },
    };

    public FakeUser? ManagerOf(string idOrUpn) =>
        Find(idOrUpn) is { } user && _managers.TryGetValue(user.Id, out var managerId) ? Find(managerId) : null;

    internal void Clear()
    {
        _users.Clear();
        _managers.Clear();
        _groups.Clear();
        _autoReplies.Clear();
        _noMailbox.Clear();
        MailboxSettingsDenied = false;
    }
}
