using System.Collections.Concurrent;

namespace TeamsCrm.FakeGraph.State;

/// <summary>An Entra ID user as GET /users/{id} and /users/{id}/manager return it.</summary>
public sealed record FakeUser(string Id, string DisplayName, string? Mail = null, string? UserPrincipalName = null, string? JobTitle = null);

/// <summary>The users and their managers that tests seed; the bot's directory reads managers from /users/{id}/manager.</summary>
public sealed class FakeDirectory
{
    readonly ConcurrentDictionary<string, FakeUser> _users = new(StringComparer.OrdinalIgnoreCase);
    readonly ConcurrentDictionary<string, string> _managers = new(StringComparer.OrdinalIgnoreCase);

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

    public FakeUser? ManagerOf(string idOrUpn) =>
        Find(idOrUpn) is { } user && _managers.TryGetValue(user.Id, out var managerId) ? Find(managerId) : null;

    internal void Clear()
    {
        _users.Clear();
        _managers.Clear();
    }
}
