using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Analysis;
using TeamsCrm.Bot.Domain.Targets;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Tests.Domain;

/// <summary>The score rule of DOMAIN.md and the figures it is computed from, as plain C#.</summary>
public class TargetScoreTests
{
    [Theory]
    [InlineData("100000", "100000", 100)]
    [InlineData("100000", "95000", 99)]       // exactly 95 %: one full 5 % below
    [InlineData("100000", "94900", 99)]       // 94.9 %: still only one full step
    [InlineData("100000", "95100", 100)]      // 95.1 %: no full step below
    [InlineData("100000", "90000", 98)]
    [InlineData("100000", "104900", 100)]     // 104.9 %: a part of 5 % counts nothing
    [InlineData("100000", "105000", 101)]     // exactly 105 %
    [InlineData("100000", "131000", 106)]
    [InlineData("100000", "0", 80)]
    [InlineData("0.03", "0.01", 87)]          // cents stay exact: 33.3… % → 13 full steps below
    public void Each_full_five_percent_moves_the_score_one_point(string target, string actual, int score) =>
        Assert.Equal(score, TargetScore.Score(decimal.Parse(target), decimal.Parse(actual)));

    [Fact]
    public void A_zero_target_has_no_score_and_no_percentage()
    {
        Assert.Null(TargetScore.Score(0m, 5000m));
        Assert.Null(TargetScore.Percent(0m, 5000m));
        Assert.Equal((null, null), (TargetScore.Line("r", "R", 0m, 1m).Percent, TargetScore.Line("r", "R", null, 1m).Score));
    }

    [Fact]
    public void The_percentage_is_cut_not_rounded_so_it_never_shows_a_step_not_reached()
    {
        Assert.Equal(104.9m, TargetScore.Percent(100000m, 104_996m));
        Assert.Equal(94.9m, TargetScore.Percent(100000m, 94_999m));
    }

    [Fact]
    public void Ranking_is_by_score_then_actual_and_reps_without_a_target_come_last()
    {
        var ranked = TargetScore.Ranked([
            TargetScore.Line("a", "Ann", null, 900_000m), TargetScore.Line("b", "Bo", 100m, 100m),
            TargetScore.Line("c", "Cy", 100m, 110m), TargetScore.Line("d", "Di", 1000m, 1000m),
        ]);
        Assert.Equal(["Cy", "Di", "Bo", "Ann"], ranked.Select(l => l.RepName));
    }

    static ArchiveEntry Entry(string customer, EntryType type, string date, decimal? amount) =>
        new(Guid.NewGuid().ToString(), customer, EntryTypes.CategoryOf(type), type, DateOnly.Parse(date), amount, null, null, null, "x", DateTimeOffset.UnixEpoch);

    [Fact]
    public void The_actual_sums_contracts_and_orders_of_the_reps_customers_signed_in_the_month()
    {
        var month = new YearMonth(2026, 3);
        var owners = new Dictionary<string, string> { ["C1"] = "li", ["C2"] = "li", ["C3"] = "tom" };
        var sums = SalesActuals.ByRep(month, [
            Entry("C1", EntryType.Contract, "2026-03-01", 100.10m), Entry("C2", EntryType.Order, "2026-03-31", 0.20m),
            Entry("C1", EntryType.Contract, "2026-02-28", 1000m), Entry("C1", EntryType.Contract, "2026-04-01", 1000m),   // other months
            Entry("C1", EntryType.Repayment, "2026-03-05", 1000m), Entry("C3", EntryType.Contract, "2026-03-05", null),  // not sales
            Entry("C9", EntryType.Contract, "2026-03-05", 5m),                                                            // nobody's
        ], owners);
        Assert.Equal(100.30m, sums["LI"]);
        Assert.False(sums.ContainsKey("tom"));
    }

    [Fact]
    public void Only_changed_reps_are_changes_and_an_empty_field_removes_a_target()
    {
        var sheet = TargetSheet.Empty(new YearMonth(2026, 3)).With([KeyValuePair.Create("li", (decimal?)100m), KeyValuePair.Create("tom", (decimal?)50m)], "d", DateTimeOffset.UnixEpoch, null);
        var changes = TargetRules.Changes(sheet, new Dictionary<string, decimal?> { ["LI"] = 100.00m, ["tom"] = null, ["new"] = 7m });
        Assert.Equal([new TargetChange("tom", 50m, null), new TargetChange("new", null, 7m)], changes);
        Assert.True(TargetRules.HasStarted(new YearMonth(2026, 3), new DateOnly(2026, 3, 1)));
        Assert.False(TargetRules.HasStarted(new YearMonth(2026, 3), new DateOnly(2026, 2, 28)));
        Assert.False(TargetRules.IsOpen(new YearMonth(2026, 2), new DateOnly(2026, 3, 1)));
    }

    static Customer File(string number, DateTimeOffset updated, DateTimeOffset? reviewed = null, string? rating = "AA") => new()
    {
        Number = number, Kind = CustomerKind.Enterprise, Name = number, OwnerAadObjectId = "li", Status = CustomerStatus.Active,
        UpdatedAt = updated, LastReviewedAt = reviewed, Credit = new Credit(rating),
    };

    [Fact]
    public void A_file_is_stale_after_sixty_days_without_an_update_or_a_review()
    {
        var now = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var stale = CustomerAnalysis.Stale([
            File("fresh", now.AddDays(-60)), File("old", now.AddDays(-61)), File("reviewed", now.AddDays(-200), now.AddDays(-10)),
            File("older", now.AddDays(-90)),
        ], now);
        Assert.Equal(["older", "old"], stale.Select(c => c.Number));
    }

    [Fact]
    public void Key_accounts_are_recomputed_from_contract_records()
    {
        var cumulative = File("C1", DateTimeOffset.UnixEpoch);
        var single = File("C2", DateTimeOffset.UnixEpoch);
        var badCredit = File("C3", DateTimeOffset.UnixEpoch, rating: "C");
        ArchiveEntry[] entries = [
            Entry("C1", EntryType.Contract, "2025-01-01", 6_000_000m), Entry("C1", EntryType.Order, "2026-01-01", 4_000_000.01m),
            Entry("C2", EntryType.Contract, "2026-01-01", 10_000_000.01m), Entry("C3", EntryType.Contract, "2026-01-01", 20_000_000m),
        ];
        var rollups = MonthRollups.From(entries.Select(e => ("rep", e)), []);
        var shares = CustomerAnalysis.KeyAccounts([cumulative, single, badCredit], MonthRollups.SalesByCustomer(rollups));
        Assert.Equal(2, shares.Single(s => s.Key == "Quality").Count);
        Assert.Equal(1, shares.Single(s => s.Key == "HighValue").Count);
    }
}
