using System.Globalization;
using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Analysis;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.FakeGraph;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// A year of a sales department in the fake Graph server's lists, seeded without HTTP through the archive's own field
/// mappings: customers with names from 29 × 29 syllable pairs, spread over the reps; per customer its contacts, archive
/// entries and change records; a year of visits by the same reps (a follow-up on every tenth); the monthly rollups they make.
/// </summary>
public sealed record ArchiveSeed(IReadOnlyList<string> Numbers, IReadOnlyList<string> Owners, IReadOnlyList<string> NamePrefixes, int VisitYear)
{
    static readonly string[] Syllables =
    [
        "hua", "nan", "bei", "dong", "xi", "shang", "jin", "yin", "tian", "long", "feng", "shan", "he", "hai", "jiang",
        "acme", "apex", "nova", "vega", "orion", "delta", "sigma", "omega", "atlas", "titan", "zen", "lux", "max", "pro",
    ];

    const int Year = 2025;

    /// <param name="rollups">Plant the monthly rollups too; without them the data is as if written before rollups were kept.</param>
    public static ArchiveSeed Plant(FakeGraphServer server, int customers, int entries, int visits, int reps, bool rollups = true)
    {
        var owners = Enumerable.Range(1, reps).Select(i => $"7a1c0000-0000-4000-8000-{i:D12}").ToArray();
        var created = new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);
        var files = Enumerable.Range(1, customers).Select(i => new Customer
        {
            Number = Number(i), Kind = CustomerKind.Enterprise, Name = NameOf(i), OwnerAadObjectId = owners[i % reps],
            Phone = string.Create(CultureInfo.InvariantCulture, $"138{i:D8}"), Region = "华东", Status = CustomerStatus.Active,
            CreatedAt = created, UpdatedAt = created,
        }).ToList();
        server.State.List(SharePointLists.Customers.Name).Seed(files.Select(c => (IReadOnlyDictionary<string, object?>)CustomerFields.ForCreate(c)));

        var archiveEntries = Enumerable.Range(1, entries).Select(i =>
        {
            var type = (EntryType)(i % 9);
            return new ArchiveEntry($"e-{i}", Number(1 + i % customers), EntryTypes.CategoryOf(type), type,
                new DateOnly(2025, 1, 1).AddDays(i % 365), type is EntryType.Contract or EntryType.Order ? 10_000m + i : null,
                $"REF-{i}", "合同 / shipment / complaint record", null, owners[i % reps], created);
        }).ToList();
        server.State.List(SharePointLists.ArchiveEntries.Name).Seed(archiveEntries.Select(e => (IReadOnlyDictionary<string, object?>)SharePointCustomerFiles.EntryFields(e)));
        server.State.List(SharePointLists.Contacts.Name).Seed(Enumerable.Range(1, customers * 2).Select(i =>
            (IReadOnlyDictionary<string, object?>)SharePointCustomerFiles.ContactFields(Number(1 + i % customers),
                new NewContact($"Contact {i}", "采购经理", "021 5888 0000", null, ContactRole.Primary))));
        server.State.List(SharePointLists.ChangeRecords.Name).Seed(Enumerable.Range(1, customers * 2).Select(i =>
            (IReadOnlyDictionary<string, object?>)SharePointCustomerFiles.RecordFields(
                new ChangeRecord(Number(1 + i % customers), "Region", null, "华东", owners[0], created, "registration", null))));

        var planted = PlantVisits(server, visits, customers, owners);
        // The monthly rollups these records make, as the archive's writes would have kept them (what a rebuild writes too).
        var ownerOf = files.ToDictionary(c => c.Number, c => c.OwnerAadObjectId, StringComparer.Ordinal);
        if (rollups) server.State.List(SharePointLists.MonthlyRollups.Name).Seed(MonthRollups.From(archiveEntries.Select(e => (ownerOf[e.CustomerNumber], e)), planted)
            .Select(r => (IReadOnlyDictionary<string, object?>)RollupItems.Fields(r)));

        var prefixes = files.Select(c => CustomerNames.Normalize(c.Name)[..4]).Distinct().Order(StringComparer.Ordinal).ToList();
        return new ArchiveSeed(files.Select(c => c.Number).ToList(), owners, prefixes, Year);
    }

    /// <summary>
    /// Visit i: rep i % reps, customer i % customers, day i % 365 of the year between 09:00 and 19:00 Shanghai time; every
    /// third one unsuccessful, for one of five reasons.
    /// </summary>
    static List<Visit> PlantVisits(FakeGraphServer server, int count, int customers, string[] owners)
    {
        var newYear = new DateTimeOffset(Year, 1, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var visits = Enumerable.Range(1, count).Select(i => new Visit
        {
            Id = $"v-{i}", SubmissionId = $"seed-{i}", CustomerNumber = Number(1 + i % customers), CustomerName = NameOf(1 + i % customers),
            RepAadObjectId = owners[i % owners.Length], Purpose = (VisitPurpose)(i % 7), Method = (VisitMethod)(i % 4),
            Time = newYear.AddDays(i % 365).AddMinutes(i % 600), TimeZoneId = "Asia/Shanghai", ContactPerson = "王经理", Notes = "拜访记录 / visit notes",
            Result = i % 3 == 0 ? VisitResult.NotYet : VisitResult.Successful, Reason = i % 3 == 0 ? (UnsuccessfulReason)(i % 5) : null,
            NextAction = i % 10 == 0 ? "Call back" : null,
            NextActionDate = i % 10 == 0 ? DateOnly.FromDateTime(newYear.AddDays(i % 365 + 2).DateTime) : null,
            CreatedAt = newYear.AddDays(i % 365).AddMinutes(i % 600),
        }).ToList();
        server.State.List(SharePointLists.Visits.Name).Seed(visits.Select(v => (IReadOnlyDictionary<string, object?>)VisitItems.Fields(v)));
        server.State.List(SharePointLists.FollowUps.Name).Seed(visits.Select(FollowUp.Of).OfType<FollowUp>()
            .Select(f => (IReadOnlyDictionary<string, object?>)VisitItems.Fields(f)));
        return visits;
    }

    static string Number(int i) => string.Create(CultureInfo.InvariantCulture, $"C-2025-{i:D5}");

    static string NameOf(int i) => string.Create(CultureInfo.InvariantCulture,
        $"{char.ToUpperInvariant(Syllables[i % 29][0])}{Syllables[i % 29][1..]}{Syllables[i / 29 % 29]} {(i % 3 == 0 ? "Trading" : "Machinery")} {i}");
}
