using TeamsCrm.Bot.Domain.Visits;
using static TeamsCrm.Bot.Domain.Visits.ProblemCodes;
using F = TeamsCrm.Bot.Domain.Visits.VisitFields;

namespace TeamsCrm.Bot.Tests.Domain.Visits;

public class VisitRulesTests
{
    static readonly DateTimeOffset Now = Zones.At("2026-11-18T18:00:00+08:00");
    static readonly Visit Good = Sample.Visit(at: "2026-11-18T10:00:00+08:00");

    static FieldProblems Check(Visit v) => VisitRules.Validate(v, Now);

    [Fact]
    public void A_complete_visit_has_no_problems() => Assert.True(Check(Good).IsValid, Check(Good).ToString());

    [Fact]
    public void Blank_required_fields_are_each_reported_as_required()
    {
        var p = Check(Good with { CustomerNumber = " ", RepAadObjectId = "", ContactPerson = "", Notes = "\t", SubmissionId = "" });
        foreach (var field in new[] { F.Customer, F.Rep, F.ContactPerson, F.Notes, F.SubmissionId })
            Assert.Equal([Required], p.For(field));
        Assert.Equal(5, p.Count);
    }

    [Fact]
    public void Values_outside_the_enums_are_invalid_because_card_data_can_carry_anything()
    {
        var p = Check(Good with { Purpose = (VisitPurpose)42, Method = (VisitMethod)(-1), Result = (VisitResult)7 });
        Assert.True(p.Has(F.Purpose, Invalid));
        Assert.True(p.Has(F.Method, Invalid));
        Assert.True(p.Has(F.Result, Invalid));
    }

    [Fact]
    public void A_visit_that_did_not_succeed_needs_a_reason()
    {
        Assert.Equal([Required], Check(Good with { Result = VisitResult.NotYet }).For(F.Reason));
        Assert.True(Check(Good with { Result = VisitResult.NotYet, Reason = UnsuccessfulReason.NoBudget }).IsValid);
    }

    [Fact]
    public void A_successful_visit_must_not_carry_a_reason() =>
        Assert.Equal([NotAllowed], Check(Good with { Reason = UnsuccessfulReason.Price }).For(F.Reason));

    [Fact]
    public void Other_as_a_reason_needs_the_analysis_written_down()
    {
        var other = Good with { Result = VisitResult.NotYet, Reason = UnsuccessfulReason.Other };
        Assert.Equal([Required], Check(other).For(F.ReasonNote));
        Assert.True(Check(other with { ReasonNote = "客户内部重组" }).IsValid);
    }

    [Theory]
    [InlineData(1000, 0, true)]        // nothing collected yet
    [InlineData(1000, 400, true)]      // partial collection is normal
    [InlineData(1000, 1000, true)]
    [InlineData(0, 0, true)]
    public void Collections_up_to_the_receivable_are_fine(decimal receivable, decimal received, bool valid)
    {
        var v = Good with { Collection = new Collection(receivable, received) };
        Assert.Equal(valid, Check(v).IsValid);
        Assert.Equal(receivable - received, v.Collection!.Outstanding);
    }

    [Fact]
    public void Collecting_more_than_is_receivable_is_an_error() =>
        Assert.Equal([OverCollected], Check(Good with { Collection = new Collection(1000m, 1000.01m) }).For(F.Received));

    [Fact]
    public void Negative_amounts_are_never_accepted()
    {
        var p = Check(Good with { Collection = new Collection(-1m, -5m) });
        Assert.Equal([Negative], p.For(F.Receivable));
        Assert.Equal([Negative], p.For(F.Received));
    }

    [Fact]
    public void A_collection_visit_needs_its_collection_record()
    {
        Assert.Equal([Required], Check(Good with { Purpose = VisitPurpose.Collection }).For(F.Collection));
        Assert.True(Check(Good with { Purpose = VisitPurpose.Collection, Collection = new Collection(500m, 0m) }).IsValid);
    }

    [Fact]
    public void A_next_action_needs_a_date_and_a_date_needs_an_action()
    {
        Assert.Equal([Required], Check(Good with { NextAction = "发报价" }).For(F.NextActionDate));
        Assert.Equal([Required], Check(Good with { NextActionDate = Zones.D("2026-11-20") }).For(F.NextAction));
    }

    [Theory]
    [InlineData("2026-11-17", false)]
    [InlineData("2026-11-18", true)]   // the same day: "call back this afternoon"
    [InlineData("2026-11-27", true)]
    public void The_next_action_is_not_before_the_visit_day(string due, bool valid)
    {
        var p = Check(Good with { NextAction = "send quote", NextActionDate = Zones.D(due) });
        Assert.Equal(valid, !p.Has(F.NextActionDate, BeforeVisit));
    }

    [Fact]
    public void The_visit_day_for_the_next_action_is_read_in_the_reps_zone()
    {
        // 2026-11-18 02:00 UTC is the 17th in Los Angeles but the 18th in Shanghai.
        var v = Good with { Time = Zones.At("2026-11-18T02:00:00Z"), NextAction = "call", NextActionDate = Zones.D("2026-11-17") };
        Assert.True(Check(v with { TimeZoneId = "America/Los_Angeles" }).IsValid);
        Assert.True(Check(v with { TimeZoneId = "Asia/Shanghai" }).Has(F.NextActionDate, BeforeVisit));
    }

    [Theory]
    [InlineData("2026-11-18T18:15:00+08:00", true)]    // within the tolerance: a fast phone clock
    [InlineData("2026-11-18T18:15:01+08:00", false)]
    [InlineData("2026-11-19T09:00:00+08:00", false)]
    [InlineData("2026-11-01T09:00:00+08:00", true)]     // logged late is still fine
    public void A_visit_cannot_be_in_the_future_beyond_a_small_tolerance(string at, bool valid) =>
        Assert.Equal(valid, !Check(Good with { Time = Zones.At(at) }).Has(F.Time, InFuture));

    [Fact]
    public void An_unknown_time_zone_is_reported_and_does_not_throw()
    {
        var p = Check(Good with { TimeZoneId = "Mars/Olympus_Mons", NextAction = "x", NextActionDate = Zones.D("2026-11-01") });
        Assert.Equal([UnknownZone], p.For(F.TimeZone));
        Assert.Empty(p.For(F.NextActionDate));   // no zone, no day to compare with: only the zone is reported
    }

    [Fact]
    public void Single_line_fields_stop_at_what_sharepoint_can_hold()
    {
        Assert.Equal([TooLong], Check(Good with { ContactInfo = new string('1', 256) }).For(F.ContactInfo));
        Assert.True(Check(Good with { ContactInfo = new string('1', 255) }).IsValid);
    }

    [Fact]
    public void Problems_convert_to_a_field_to_codes_dictionary_for_the_card()
    {
        var d = Check(Good with { Notes = "", Result = VisitResult.NotYet }).ToDictionary();
        Assert.Equal(new[] { F.Notes, F.Reason }.Order(), d.Keys.Order());
        Assert.Equal([Required], d[F.Reason]);
    }
}
