using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Customers;

namespace TeamsCrm.Bot.Features.Visits;

/// <summary>
/// The customers someone may log visits on: those they may see in full (<see cref="CustomerAccess.MayLogVisit"/>)
/// and that are live. Decided from the authenticated person only; a number from a card just names the file.
/// </summary>
public static class VisitCustomers
{
    /// <summary>How many of one's own customers a form lists as its static choices (the Playground has no typeahead).</summary>
    public const int StaticChoices = 30;
    /// <summary>Teams shows at most 15 typeahead results.</summary>
    public const int SearchResults = 15;
    const int PrefixHits = 20;

    public static bool IsLive(Customer c) => c.Status is CustomerStatus.Pending or CustomerStatus.Active;

    /// <summary>
    /// Whether <paramref name="me"/> may log a visit on the file. The owner and the managers who see every file
    /// are decided without reading the file's access grants; only someone else's reader costs that query.
    /// </summary>
    public static async Task<bool> MayLogAsync(Person me, Customer file, ICustomerFiles files, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        if (!IsLive(file)) return false;
        var leader = await directory.ManagerOfAsync(file.OwnerAadObjectId, ct);
        var now = clock.GetUtcNow();
        var withoutGrants = CustomerAccess.ViewOf(me, file, leader?.AadObjectId, [], now);
        if (withoutGrants != FileView.Redacted) return CustomerAccess.MayLogVisit(withoutGrants);
        return CustomerAccess.MayLogVisit(CustomerAccess.ViewOf(me, file, leader?.AadObjectId, await files.GrantsForAsync(file.Number, ct), now));
    }

    /// <summary>The same, from the grants <paramref name="me"/> holds (<see cref="FoundFiles.ReaderGrants"/>): no archive call.</summary>
    static async Task<bool> MayLogAsync(Person me, Customer file, IReadOnlyList<AccessGrant> myGrants, IDirectory directory, TimeProvider clock, CancellationToken ct) =>
        IsLive(file) && CustomerAccess.MayLogVisit(CustomerAccess.ViewOf(me, file, (await directory.ManagerOfAsync(file.OwnerAadObjectId, ct))?.AadObjectId,
            myGrants, clock.GetUtcNow()));

    /// <summary>One's own live customers, by name, as the static choices of a form (plus <paramref name="current"/> when it is not one of them).</summary>
    public static async Task<IReadOnlyList<(string Title, string Value)>> ChoicesAsync(Person me, ICustomerFiles files, Customer? current, CancellationToken ct)
    {
        var own = (await files.ListByOwnerAsync(me.AadObjectId, ct)).Where(IsLive).Take(StaticChoices).ToList();
        if (current is not null && own.All(c => c.Number != current.Number)) own.Insert(0, current);
        return own.Select(Choice).ToList();
    }

    public static (string Title, string Value) Choice(Customer c) => ($"{c.Name} · {c.Number}", c.Number);

    /// <summary>
    /// Which customer a mention ("Acme", "华为", "C-2026-00042") may mean, among those <paramref name="me"/> may
    /// log visits on: their own, their reports' when they lead a team, and any file whose name starts with it
    /// that they may see in full. Ranked by <see cref="CustomerMatcher"/>, which never picks between close ones.
    /// </summary>
    public static async Task<(CustomerMatches Matches, IReadOnlyDictionary<string, Customer> Files)> MatchAsync(
        string mention, Person me, ICustomerFiles files, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        // One archive call as the person types (the typeahead): their files, their reports', the files the mention names and the grants they hold.
        var reports = await directory.ReportsOfAsync(me.AadObjectId, ct);
        var query = CustomerNumbers.Parse(mention) is { } number ? CustomerQuery.Number(number) : CustomerQuery.NamePrefix(mention, PrefixHits);
        var found = await files.FindForAsync(query with { AlsoOwnedBy = [me.AadObjectId, .. reports.Select(r => r.AadObjectId)] }, me.AadObjectId, ct);
        var pool = new Dictionary<string, Customer>(StringComparer.Ordinal);
        foreach (var c in found.Owned.Concat(found.Files))
            if (!pool.ContainsKey(c.Number) && await MayLogAsync(me, c, found.ReaderGrants, directory, clock, ct)) pool[c.Number] = c;

        var matches = CustomerMatcher.Match(mention, pool.Values.Select(c => (c.Number, c.Name, CustomerAliases.Split(c.Aliases))), max: SearchResults);
        return (matches, pool);
    }
}
