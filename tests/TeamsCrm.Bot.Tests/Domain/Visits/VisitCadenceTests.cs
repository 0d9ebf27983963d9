using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Tests.Domain.Visits;

/// <summary>Visit cadence by level: the interval that applies, the next due day, and which customers are due — fixed dates only.</summary>
public class VisitCadenceTests
{
    static readonly DateOnly Today = Zones.D("2026-11-18");

    static Customer File(string number, CustomerTier tier = CustomerTier.General, KeyAccountClasses classes = KeyAccountClasses.None,
        string created = "2026-01-05T10:00:00+08:00", string? lastContact = null, CustomerStatus status = CustomerStatus.Active) => new()
    {
        Number = number, Kind = CustomerKind.Enterprise, Name = "Customer " + number, OwnerAadObjectId = Sample.Rita, Tier = tier, KeyAccount = classes,
        Status = status, CreatedAt = Zones.At(created), UpdatedAt = Zones.At(created), LastContactAt = lastContact is null ? null : Zones.At(lastContact),
    };

    [Theory]
    [InlineData(CustomerTier.Important, KeyAccountClasses.None, 14)]
    [InlineData(CustomerTier.Special, KeyAccountClasses.None, 30)]
    [InlineData(CustomerTier.General, KeyAccountClasses.None, 60)]
    [InlineData(CustomerTier.General, KeyAccountClasses.Quality, 14)]
    [InlineData(CustomerTier.Special, KeyAccountClasses.HighValue, 14)]
    [InlineData(CustomerTier.General, KeyAccountClasses.Strategic, 60)]          // no setting: the tier decides
    [InlineData(CustomerTier.Special, KeyAccountClasses.Group | KeyAccountClasses.Strategic, 30)]
    public void The_default_intervals_follow_the_tier_and_the_computed_key_account_classes(CustomerTier tier, KeyAccountClasses classes, int days) =>
        Assert.Equal(days, CadenceIntervals.Default.For(tier, classes));

    [Fact]
    public void Strategic_and_group_follow_their_setting_and_the_shortest_interval_that_applies_wins()
    {
        var set = CadenceIntervals.Default with { Strategic = 7, Group = 21 };

        Assert.Equal(7, set.For(CustomerTier.General, KeyAccountClasses.Strategic));
        Assert.Equal(21, set.For(CustomerTier.Special, KeyAccountClasses.Group));
        Assert.Equal(14, set.For(CustomerTier.Important, KeyAccountClasses.Group));        // the tier is shorter than group's 21
        Assert.Equal(7, set.For(CustomerTier.Important, KeyAccountClasses.Group | KeyAccountClasses.Strategic | KeyAccountClasses.Quality));
        Assert.Equal(60, (set with { Strategic = 90 }).For(CustomerTier.General, KeyAccountClasses.Strategic));
    }

    [Fact]
    public void The_next_due_day_counts_from_the_last_contact_in_the_reps_zone()
    {
        // 23:30 on 3 November in Shanghai is still the 3rd there (15:30 UTC): due 14 days later, on the 17th — a day overdue on the 18th.
        var due = VisitCadence.Of(File("C-1", CustomerTier.Important, lastContact: "2026-11-03T23:30:00+08:00"), CadenceIntervals.Default, Today, Zones.Shanghai);

        Assert.Equal((Zones.D("2026-11-17"), 14, 1, true), (due.DueOn, due.IntervalDays, due.DaysOverdue, due.IsOverdue));
        // The same instant in Los Angeles is the 3rd at 07:30: also the 17th.
        Assert.Equal(Zones.D("2026-11-17"), VisitCadence.Of(File("C-1", CustomerTier.Important, lastContact: "2026-11-03T23:30:00+08:00"),
            CadenceIntervals.Default, Today, Zones.LosAngeles).DueOn);
    }

    [Fact]
    public void Without_a_contact_the_file_counts_from_its_creation()
    {
        var due = VisitCadence.Of(File("C-1", CustomerTier.Special, created: "2026-10-26T09:00:00+08:00"), CadenceIntervals.Default, Today, Zones.Shanghai);

        Assert.Equal((Zones.D("2026-11-25"), -7, false), (due.DueOn, due.DaysOverdue, due.IsOverdue));
    }

    [Fact]
    public void Due_lists_active_files_overdue_or_due_within_seven_days_most_overdue_first()
    {
        IReadOnlyList<Customer> files =
        [
            File("C-soon", CustomerTier.Important, lastContact: "2026-11-11T10:00:00+08:00"),          // due 25 Nov: in 7 days
            File("C-later", CustomerTier.Important, lastContact: "2026-11-12T10:00:00+08:00"),         // due 26 Nov: in 8 days, not listed
            File("C-today", CustomerTier.Special, lastContact: "2026-10-19T10:00:00+08:00"),           // due 18 Nov: today
            File("C-late", CustomerTier.General, KeyAccountClasses.Quality, lastContact: "2026-10-01T10:00:00+08:00"),   // due 15 Oct: 34 days
            File("C-general", lastContact: "2026-09-01T10:00:00+08:00"),                                // due 31 Oct: 18 days
            File("C-pending", CustomerTier.Important, status: CustomerStatus.Pending),
            File("C-deleted", CustomerTier.Important, status: CustomerStatus.Deleted),
        ];

        var due = VisitCadence.Due(files, CadenceIntervals.Default, Today, Zones.Shanghai);

        Assert.Equal([("C-late", 34), ("C-general", 18), ("C-today", 0), ("C-soon", -7)], due.Select(d => (d.Customer.Number, d.DaysOverdue)));
        Assert.Equal(1, VisitCadence.OverdueKeyAccounts(files, CadenceIntervals.Default, Today, Zones.Shanghai));
    }

    [Fact]
    public void A_strategic_setting_brings_a_general_file_forward()
    {
        var strategic = File("C-s", classes: KeyAccountClasses.Strategic, lastContact: "2026-11-01T10:00:00+08:00");

        Assert.Empty(VisitCadence.Due([strategic], CadenceIntervals.Default, Today, Zones.Shanghai));
        var due = Assert.Single(VisitCadence.Due([strategic], CadenceIntervals.Default with { Strategic = 10 }, Today, Zones.Shanghai));
        Assert.Equal(7, due.DaysOverdue);
        Assert.Equal(1, VisitCadence.OverdueKeyAccounts([strategic], CadenceIntervals.Default with { Strategic = 10 }, Today, Zones.Shanghai));
    }
}
