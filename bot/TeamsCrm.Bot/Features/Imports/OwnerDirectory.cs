using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Features.Imports;

/// <summary>Who a ledger's 业务员 cell names: a person who may own files, nobody (an empty cell), or a name the directory does not know.</summary>
public sealed record OwnerFound(Person? Person, string? Unknown, bool Ambiguous = false);

/// <summary>
/// Owners as ledgers write them — a name ("李娜", "Li Na"), an email, an Entra object id — matched to the people of the
/// directory who may own customer files (every role but customer service alone). The owner map, ledger name → email or Entra
/// id, goes first: it settles names the directory spells differently, people who left, and names two people share.
/// </summary>
public sealed class OwnerDirectory
{
    static readonly Role[] Owners = [Role.Rep, Role.Supervisor, Role.SalesManager, Role.KeyAccountDirector, Role.GeneralManager];

    readonly Dictionary<string, List<Person>> _byName = new(StringComparer.Ordinal);
    readonly Dictionary<string, Person> _byEmailOrId = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<string, OwnerFound> _mapped = new(StringComparer.OrdinalIgnoreCase);

    OwnerDirectory() { }

    /// <summary>The directory's owners, read once per import (one query per role), and the owner map resolved against them.</summary>
    public static async Task<OwnerDirectory> LoadAsync(IDirectory directory, IReadOnlyDictionary<string, string> ownerMap, CancellationToken ct)
    {
        var owners = new OwnerDirectory();
        foreach (var role in Owners)
            foreach (var person in await directory.WithRoleAsync(role, ct))
                owners.Add(person);
        foreach (var (name, target) in ownerMap)
        {
            var to = target.Trim();
            var person = owners._byEmailOrId.GetValueOrDefault(to) ?? (await directory.FindAsync(to, ct) is { } p && CustomerAccess.MayCreate(p) ? p : null);
            owners._mapped[name.Trim()] = new OwnerFound(person, person is null ? to : null);
        }
        return owners;
    }

    void Add(Person person)
    {
        if (!CustomerAccess.MayCreate(person) || !_byEmailOrId.TryAdd(person.AadObjectId, person)) return;
        if (person.Email is { Length: > 0 } email) _byEmailOrId.TryAdd(email, person);
        var key = CustomerNames.Normalize(person.Name);
        if (key.Length == 0) return;
        if (!_byName.TryGetValue(key, out var named)) _byName[key] = named = [];
        named.Add(person);
    }

    /// <summary>The person a cell names. Empty → nobody (the caller decides); unknown or shared by two people → <see cref="OwnerFound.Unknown"/>.</summary>
    public OwnerFound Find(string? cell)
    {
        var text = cell?.Trim();
        if (string.IsNullOrEmpty(text)) return new OwnerFound(null, null);
        if (_mapped.TryGetValue(text, out var mapped)) return mapped;
        if (_byEmailOrId.TryGetValue(text, out var person)) return new OwnerFound(person, null);
        return _byName.TryGetValue(CustomerNames.Normalize(text), out var named)
            ? named.Count == 1 ? new OwnerFound(named[0], null) : new OwnerFound(null, text, Ambiguous: true)
            : new OwnerFound(null, text);
    }
}
