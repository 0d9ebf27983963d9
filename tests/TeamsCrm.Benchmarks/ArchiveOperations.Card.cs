using System.Globalization;
using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// The customer card's archive calls as <c>CustomerPages.ShowAsync</c> makes them (the lookup with the reader's grants, then the whole
/// file with the read logged when it must be), and the typeahead's (<c>VisitCustomers.MatchAsync</c>: the mention, the grants, the
/// files of oneself and one's reports), for readers whose reads differ: the owner (nothing logged), a leader (logged), another rep
/// with a grant (logged after the grant decided the view).
/// </summary>
public static partial class ArchiveOperations
{
    const string Leader = "7a1c0000-0000-4000-8000-0000000000a1";
    const int LatestVisits = 3, TypeaheadHits = 20, ComposePage = 25, TeamSize = 8;

    static IEnumerable<ArchiveOperation> CustomerCard(ArchiveSeed seed) =>
    [
        new("customer card as its owner: lookup + whole file", 2, (a, r) =>
        {
            var number = Pick(seed.Numbers, r);
            return Call(() => CardAsync(a, number, OwnerOf(seed, number), expect: FileView.Full));
        }),
        new("customer card as a leader (read logged)", 2, (a, r) => Call(() => CardAsync(a, Pick(seed.Numbers, r), Leader, expect: FileView.Full))),
        new("customer card as another rep with a grant (read logged)", 2, async (a, r) =>
        {
            var number = Pick(seed.Numbers, r);
            var rep = seed.Owners.First(o => o != OwnerOf(seed, number));
            var now = DateTimeOffset.UtcNow;
            await a.Customers.AddGrantAsync(new AccessGrant(number, rep, Leader, now.AddDays(-1), now.AddDays(7)));
            return () => CardAsync(a, number, rep, expect: FileView.Full);
        }),
        new("typeahead as a rep (own files + mention + grants)", 1, (a, r) =>
        {
            var rep = Pick(seed.Owners, r);
            return Call(() => TypeaheadAsync(a, Pick(seed.NamePrefixes, r), rep, [rep]));
        }),
        new($"typeahead as a leader of {TeamSize} (+ reports' files)", 1, (a, r) =>
        {
            var team = seed.Owners.Skip(r.Next(seed.Owners.Count - TeamSize)).Take(TeamSize);
            return Call(() => TypeaheadAsync(a, Pick(seed.NamePrefixes, r), Leader, [Leader, .. team]));
        }),
        new($"compose box search ({ComposePage})", 1, (a, r) =>
        {
            var rep = Pick(seed.Owners, r);
            return Call(async () => (await a.Customers.FindForAsync(CustomerQuery.NamePrefix(Pick(seed.NamePrefixes, r), ComposePage), rep)).Files.Count);
        }),
    ];

    /// <summary>The card's reads; the view is decided as the access code would (owner, a leader seeing the team's files, a grant).</summary>
    static async Task<int> CardAsync(ICrmArchive a, string number, string reader, FileView expect)
    {
        var found = await a.Customers.FindForAsync(CustomerQuery.Number(number), reader);
        var file = found.Files.Single();
        var now = DateTimeOffset.UtcNow;
        var granted = found.ReaderGrants.Any(g => g.CustomerNumber == number && g.IsActiveAt(now));
        var view = file.OwnerAadObjectId == reader || reader == Leader || granted ? FileView.Full : FileView.Redacted;
        if (view != expect) throw new InvalidOperationException($"{reader} would see {number} {view}, not {expect}.");
        var read = file.OwnerAadObjectId == reader ? null : new AccessLogEntry(number, reader, now, "customer card: full file", true);
        var whole = await a.WholeFiles.ReadAsync(number, LatestVisits, read) ?? throw new InvalidOperationException($"No file {number}.");
        return 1 + whole.File.Contacts.Count + whole.File.Entries.Count + whole.File.History.Count + whole.LatestVisits.Count + whole.Requests.Count + whole.Documents.Count;
    }

    static async Task<int> TypeaheadAsync(ICrmArchive a, string typed, string reader, IReadOnlyList<string> owners)
    {
        var found = await a.Customers.FindForAsync(CustomerQuery.NamePrefix(typed, TypeaheadHits) with { AlsoOwnedBy = owners }, reader);
        return found.Files.Count + found.Owned.Count;
    }

    /// <summary>The seed gives file i (C-2025-0000i) to rep i modulo the number of reps.</summary>
    static string OwnerOf(ArchiveSeed seed, string number) =>
        seed.Owners[int.Parse(number.AsSpan(number.LastIndexOf('-') + 1), CultureInfo.InvariantCulture) % seed.Owners.Count];
}
