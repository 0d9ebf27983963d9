using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Plans;
using TeamsCrm.Bot.Features.Visits;
using static TeamsCrm.Bot.Tests.Cards.VisitSamples;

namespace TeamsCrm.Bot.Tests.Cards;

/// <summary>The visit, report and plan cards of <see cref="CardCatalog"/>: every builder, fresh and refused forms, empty and oversized reports.</summary>
public static class VisitCatalog
{
    public static IEnumerable<(string Name, string Builder, JsonObject Card)> All(CultureInfo c)
    {
        var l = c.Name;
        yield return ($"visit.form.fresh.{l}", "VisitCards.Form", VisitCards.Form(c, Options(), Fresh()));
        yield return ($"visit.form.no-customer.{l}", "VisitCards.Form", VisitCards.Form(c, Options(contacts: 0) with { CustomerName = null },
            Fresh(), T.Get(c, "visits.noMatch", "Acme")));
        yield return ($"visit.form.refused.{l}", "VisitCards.Form", VisitCards.Form(c, Options(contacts: 40), Refused(c)));
        yield return ($"visit.saved.{l}", "VisitCards.Saved", VisitCards.Saved(c, Visit(3, VisitResult.NotYet), again: false));
        yield return ($"visit.saved.plain-again.{l}", "VisitCards.Saved", VisitCards.Saved(c, Visit(1) with
            { ContactInfo = null, ProblemsAndMeasures = null, NextAction = null, NextActionDate = null, Collection = null }, again: true));
        yield return ($"visit.saved.huge.{l}", "VisitCards.Saved", VisitCards.Saved(c, Visit(3, VisitResult.NotYet, textLength: 4000) with
            { ProblemsAndMeasures = new string('p', 4000) }, again: false));
        yield return ($"visit.choose.{l}", "VisitCards.Choose", VisitCards.Choose(c, "Hua",
            [("C-2026-00001", "Huadong Precision"), ("C-2026-00002", "Huaxin Logistics")], new Dictionary<string, string?> { ["notes"] = "pricing" }));
        yield return ($"visit.discarded.{l}", "VisitCards.Discarded", VisitCards.Discarded(c));
        yield return ($"visit.not-allowed.{l}", "VisitCards.NotAllowed", VisitCards.NotAllowed(c, "visits.mayNotLog"));

        // A ledger link as the handlers make it: long (signed), so the budget of the largest cards is checked with it.
        const string LedgerUrl = "https://crm.example/export?k=Ledger&a=Month%7Cteam%7C2026-11-01&u=7a1c0000-0000-4000-8000-000000000041&l=zh-CN&f=xlsx&e=1794989700&s=VFl2GHCkIsLpC3qgzIW-FDCDXqf2HKhUo8Q8prctmGk";
        var plan = Plan(3);
        yield return ($"report.day.{l}", "DayReportCards.Day", DayReportCards.Day(c, "Li Na", Day, ManyVisits(6), Progress(plan), LedgerUrl));
        yield return ($"report.day.empty.{l}", "DayReportCards.Day", DayReportCards.Day(c, "Li Na", Day, [], []));
        yield return ($"report.team-day.{l}", "DayReportCards.TeamDay", DayReportCards.TeamDay(c, Day,
            [.. Enumerable.Range(1, 12).Select(i => ($"Rep {i}", (IReadOnlyList<Visit>)(i == 3 ? [] : ManyVisits(8)), CheckIns(i)))], LedgerUrl));

        var names = Enumerable.Range(1, 60).ToDictionary(i => $"C-2026-{i:D5}", i => $"Customer {i} 华东精密有限公司");
        var people = new Dictionary<string, string> { ["li-na"] = "Li Na", ["tom"] = "Tom Becker", ["zhang"] = "Zhang Wei" };
        var many = ManyVisits(120);
        var plans = new[] { Plan(25), Plan(25) with { Id = "p2", RepAadObjectId = "tom" } };
        yield return ($"report.month.{l}", "MonthReportCards.Month", MonthReportCards.Month(c, "Li Na", Month, PlannedVsActual.For(Month, [plan], ManyVisits(6)), names, ManyVisits(6)));
        yield return ($"report.month.empty.{l}", "MonthReportCards.Month", MonthReportCards.Month(c, "Li Na", Month, PlannedVsActual.For(Month, [], []), names, []));
        yield return ($"report.month.huge.{l}", "MonthReportCards.Month", MonthReportCards.Month(c, "Li Na", Month, PlannedVsActual.For(Month, plans, many), names, many, LedgerUrl));
        yield return ($"report.team-month.{l}", "MonthReportCards.TeamMonth", MonthReportCards.TeamMonth(c, Month, PlannedVsActual.For(Month, plans, many), names, people, many, LedgerUrl));
        yield return ($"report.team-month.quiet.{l}", "MonthReportCards.TeamMonth", MonthReportCards.TeamMonth(c, Month, PlannedVsActual.For(Month, [], []), names, people, []));

        var customers = Options().Customers;
        var fresh = FormState.Of([KeyValuePair.Create("day", (string?)"3")]);
        yield return ($"plan.form.new.{l}", "PlanCards.Form", PlanCards.Form(c, Frame, null, Week.Next, customers, fresh));
        yield return ($"plan.form.draft.{l}", "PlanCards.Form", PlanCards.Form(c, Frame, Plan(3, VisitPlanStatus.Draft), Week.Next, customers, fresh));
        yield return ($"plan.form.full-refused.{l}", "PlanCards.Form", PlanCards.Form(c, Frame, Plan(Features.Plans.PlanForm.MaxItems, VisitPlanStatus.Rejected),
            Week.Previous, customers, RefusedAdd(c), T.Get(c, "plans.conflict")));
        yield return ($"plan.form.refused.{l}", "PlanCards.Form", PlanCards.Form(c, Frame, Plan(Features.Plans.PlanForm.MaxItems - 1, VisitPlanStatus.Approved),
            Week.Previous, customers, RefusedAdd(c)));
        var big = Plan(Features.Plans.PlanForm.MaxItems, VisitPlanStatus.Approved);
        // The Suggested section and the action plan at their largest: the budget of the editor is checked with them.
        var actions = new Dictionary<string, string?>
        {
            [PlanForm.KeyGoals] = new string('目', PlanForm.ActionMaxLength), [PlanForm.KeyProducts] = new string('p', PlanForm.ActionMaxLength),
            [PlanForm.KeyCustomers] = new string('客', PlanForm.ActionMaxLength), ["day"] = "3",
        };
        yield return ($"plan.form.suggested.{l}", "PlanCards.Form", PlanCards.Form(c, Frame, Plan(Features.Plans.PlanForm.MaxItems - 1, VisitPlanStatus.Draft),
            Week.Next, customers, FormState.Of(actions), suggested: CadenceCatalog.Due(PlanCards.MaxSuggested + 5)));
        yield return ($"plan.form.actions-refused.{l}", "PlanCards.Form", PlanCards.Form(c, Frame, Plan(2, VisitPlanStatus.Draft), Week.Next, customers,
            FormState.Of(actions, new Dictionary<string, string> { [PlanForm.KeyGoals] = T.Get(c, "form.tooLong", PlanForm.ActionMaxLength, PlanForm.ActionMaxLength + 1) }),
            suggested: CadenceCatalog.Due(2)));
        var withActions = big with { KeyGoals = actions[PlanForm.KeyGoals], KeyProducts = "CNC line B", KeyCustomers = actions[PlanForm.KeyCustomers] };
        yield return ($"plan.view.actions.{l}", "PlanCards.View", PlanCards.View(c, withActions, Progress(withActions), "Zhang Wei", Week.Next));
        yield return ($"plan.view.{l}", "PlanCards.View", PlanCards.View(c, plan, Progress(plan), "Zhang Wei", Week.Next, today: Day));
        yield return ($"plan.view.big.{l}", "PlanCards.View", PlanCards.View(c, big, Progress(big), null, Week.Previous, T.Get(c, "plans.appliedAlready")));
        yield return ($"plan.not-allowed.{l}", "PlanCards.NotAllowed", PlanCards.NotAllowed(c, "plans.mayNotPlan"));

        // A leader's week: a plan to decide (with goals and customers left out), one waiting for someone else, one returned,
        // none submitted, a full plan to decide; and the rows cut at the card's limit.
        var rows = TeamRows(withActions, big);
        yield return ($"team-plans.{l}", "TeamPlanCards.View", TeamPlanCards.View(c, Week, Week.Next, rows, rows.Count, null,
            new Dictionary<string, string> { ["r-li-na"] = "Add the Huawei visit" }));
        yield return ($"team-plans.notice-cut.{l}", "TeamPlanCards.View", TeamPlanCards.View(c, Week, Week.Previous,
            [.. Enumerable.Range(0, TeamPlanPages.MaxRows).Select(i => Numbered(rows[i % rows.Count], i))],
            TeamPlanPages.MaxRows + 12, T.Get(c, "teamPlans.newSince", "Tom Becker")));
        yield return ($"team-plans.nobody.{l}", "TeamPlanCards.Nobody", TeamPlanCards.Nobody(c, T.Get(c, "teamPlans.notYours", "Li Na")));
    }

    /// <summary>Another rep with the same plan: their own name and request, so ids stay unique on one card.</summary>
    static TeamPlanRow Numbered(TeamPlanRow row, int i) =>
        row with { Rep = row.Rep with { Name = $"Rep {i} 王小明" }, Request = row.Request is { } r ? r with { Id = $"r-{i}" } : null };

    static List<TeamPlanRow> TeamRows(VisitPlan withActions, VisitPlan big)
    {
        static Person Rep(string id, string name) => new(id, name, null, new HashSet<Role> { Role.Rep }, "zhang");
        static Approval Request(string id, VisitPlan plan) => new()
        {
            Id = id, RequestKey = id, Kind = ApprovalKind.VisitPlan, Subject = plan.Week.ToString(), SubjectName = plan.Week.ToString(), RequesterAadObjectId = plan.RepAadObjectId,
            ApproverAadObjectIds = ["zhang"], CreatedAt = new DateTimeOffset(2026, 11, 16, 1, 0, 0, TimeSpan.Zero), Payload = new ApprovalPayload(Token: plan.SubmissionId),
        };
        var mine = withActions with { Status = VisitPlanStatus.Submitted, SubmissionId = "s1" };
        var full = big with { RepAadObjectId = "zhao", Status = VisitPlanStatus.Submitted, SubmissionId = "s5" };
        var returned = Plan(2, VisitPlanStatus.Rejected) with { RepAadObjectId = "wu", ReviewComment = "Two visits are not a week", ReviewerAadObjectId = "zhang" };
        return
        [
            new(Rep("li-na", "Li Na"), mine, Request("r-li-na", mine), true, [], CadenceCatalog.Due(7), true, null),
            new(Rep("tom", "Tom Becker"), Plan(3) with { RepAadObjectId = "tom", SubmissionId = "s2" }, Request("r-tom", Plan(3)), false, ["Wang Fang"],
                CadenceCatalog.Due(2), false, null),
            new(Rep("wu", "Wu Min"), returned, null, false, [], [], true, "Zhang Wei"),
            new(Rep("sun", "Sun Li"), null, null, false, [], CadenceCatalog.Due(1), true, null),
            new(Rep("zhao", "Zhao Lei"), full, Request("r-zhao", full), true, [], [], true, null),
        ];
    }

    /// <summary>A rep's check-ins of the day: at the gate, near, far and flagged with its check-out, none for some.</summary>
    static IReadOnlyList<CheckIn> CheckIns(int rep) => [.. Enumerable.Range(0, rep % 4).Select(i => new CheckIn
    {
        Id = $"{rep}-{i}", RepAadObjectId = $"rep-{rep}", CustomerNumber = $"C-2026-{i + 1:D5}", Day = Day, TimeZoneId = "Asia/Shanghai",
        At = new DateTimeOffset(2026, 11, 18, 1 + i, 30, 0, TimeSpan.Zero), Point = new GeoPoint(31.3, 120.6), AccuracyMeters = 12,
        DistanceMeters = i == 0 ? null : i * 1_480.5, Flagged = i == 2, OutAt = i == 1 ? null : new DateTimeOffset(2026, 11, 18, 2 + i, 15, 0, TimeSpan.Zero),
    })];
}