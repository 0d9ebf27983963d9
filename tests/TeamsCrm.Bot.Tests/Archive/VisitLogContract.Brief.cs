using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Tests.Archive;

public abstract partial class VisitLogContract
{
    [Fact]
    public async Task Files_before_visits_come_with_their_contacts_entries_and_latest_visits_in_the_order_asked_unknown_ones_left_out()
    {
        var huadong = await Archive.Customers.CreateAsync(new NewCustomer(CustomerKind.Enterprise, "Huadong Precision", LiNa,
            Contacts: [new NewContact("王经理", "采购经理", "13800000001", null, ContactRole.DecisionMaker)]), Guid.NewGuid().ToString("D"));
        var nanjing = await CustomerAsync("Nanjing Logistics");
        await Archive.Customers.AddEntryAsync(new ArchiveEntry("e1", huadong.Number, ArchiveCategory.Credit, EntryType.Debt, D("2026-10-01"), 50_000m,
            "INV-1", null, null, LiNa, Clock.GetUtcNow()));
        var visits = new List<Visit>();
        foreach (var day in new[] { "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23" })
            visits.Add((await Log.AddOnceAsync(VisitTo(huadong, day + "T10:00:00+08:00"))).Visit);
        var withdrawn = VisitCorrections.Withdrawn(visits[^1], Clock.GetUtcNow());
        await Log.CorrectOnceAsync(CorrectionOf(visits[^1], withdrawn, reason: "Logged twice"), withdrawn);

        var files = await Archive.Customers.BeforeVisitsAsync([nanjing.Number, "C-2026-99999", huadong.Number, nanjing.Number], latestVisits: 2);

        Assert.Equal([nanjing.Number, huadong.Number], files.Select(f => f.Customer.Number));
        Assert.Empty(files[0].Contacts);
        Assert.Empty(files[0].LastVisits);
        Assert.Equal(("王经理", ContactRole.DecisionMaker), (Assert.Single(files[1].Contacts).Name, files[1].Contacts[0].Role));
        Assert.Equal(50_000m, Assert.Single(files[1].Entries).Amount);
        Assert.Equal([visits[2].Id, visits[1].Id], files[1].LastVisits.Select(v => v.Id));   // newest first, the withdrawn one left out
        Assert.Empty(await Archive.Customers.BeforeVisitsAsync([], 3));
    }
}
