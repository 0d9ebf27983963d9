using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Visits;

namespace TeamsCrm.Bot.Features.Plans;

/// <summary>The weekly visit plan (客户拜访周计划表, table 5-28): the editor, and the submitted plan with its progress.</summary>
public static class PlanCards
{
    /// <param name="stored">The plan as stored (null: none yet for the week).</param>
    /// <param name="otherWeek">The other week one may plan (this week ↔ next), for the switch button.</param>
    /// <param name="customers">The static customer choices of the add row (one's own customers).</param>
    /// <param name="state">The add row's values, and the messages beside them when an add was refused.</param>
    /// <param name="today">The rep's today: the add row offers no day before it.</param>
    /// <param name="suggested">The rep's customers overdue or due soon that the week does not plan yet, each added at one press.</param>
    public static JsonObject Form(CultureInfo c, PlanForm.Frame frame, VisitPlan? stored, IsoWeek otherWeek,
        IReadOnlyList<(string Title, string Value)> customers, FormState state, string? notice = null, DateOnly? today = null,
        IReadOnlyList<DueCustomer>? suggested = null)
    {
        var card = Card.Create().Title(T.Get(c, "plans.formTitle")).Text(PlanText.Week(c, frame.Week), subtle: true);
        var f = new FormFields(card, c, state).Banner(notice);
        card.Text(stored switch
        {
            null => T.Get(c, "plans.new"),
            { Status: VisitPlanStatus.Rejected, ReviewComment: { } why } => T.Get(c, "plans.returnedBecause", why),
            { Status: VisitPlanStatus.Submitted or VisitPlanStatus.Approved } => T.Get(c, "plans.changing", PlanText.Status(c, stored.Status)),
            _ => T.Get(c, "plans.draft"),
        });
        var items = stored?.Items ?? [];
        card.Heading(T.Get(c, "plans.planned", items.Count));
        if (items.Count == 0) card.Text(T.Get(c, "plans.none"), subtle: true);
        foreach (var item in items.OrderBy(i => i.Day).ThenBy(i => i.Time))
            card.ListItem($"{PlanText.When(c, item)} · {item.CustomerName}", Detail(c, item), T.Get(c, "plans.remove"), "plan.remove",
                frame.Data(("item", item.Id)));

        if (items.Count < PlanForm.MaxItems && suggested is { Count: > 0 }) Suggested(card, c, frame, suggested);
        PlanActionCards.Inputs(card, f, c);
        if (items.Count < PlanForm.MaxItems)
        {
            card.Heading(T.Get(c, "plans.addHeading"));
            // Not required on the client: Submit sends these too, and an empty add row must not block it.
            f.Search(PlanForm.Customer, T.Get(c, "visits.customer"), customers, VisitCards.CustomerDataset, placeholder: T.Get(c, "visits.customerPlaceholder"))
                .Choice(PlanForm.Type, T.Get(c, "plans.typeDefault"), VisitText.Choices<CustomerCategory>(c))
                .Choice(PlanForm.Purpose, T.Get(c, "visits.purpose"), VisitText.Choices<VisitPurpose>(c))
                .Choice(PlanForm.Day, T.Get(c, "plans.day"), PlanText.Weekdays(c, frame.Week, today))
                .Time(PlanForm.Time, T.Get(c, "visits.time"))
                .Text(PlanForm.Contact, T.Get(c, "plans.contact"))
                .Text(PlanForm.Notes, T.Get(c, "plans.notes"));
            card.Execute(T.Get(c, "plans.add"), "plan.add", frame.Data());
        }
        card.Execute(T.Get(c, "plans.actions.save"), "plan.actions", frame.Data());
        return card
            .Execute(T.Get(c, "plans.submit"), "plan.submit", frame.Data(), style: "positive")
            .Execute(Switch(c, frame.Week, otherWeek), "plan.open", new JsonObject { ["week"] = otherWeek.ToString() }, withInputs: false)
            .Build();
    }

    /// <summary>A submitted (or reviewed) plan: each planned visit with what became of it, and buttons to change it or see the other week.</summary>
    /// <param name="today">The rep's own day when the plan is theirs: today's visits still planned get Check in (the dialog).</param>
    public static JsonObject View(CultureInfo c, VisitPlan plan, IReadOnlyList<PlanItemProgress> progress, string? leaderName, IsoWeek otherWeek,
        string? notice = null, string? ledgerUrl = null, DateOnly? today = null)
    {
        var card = Card.Create();
        if (notice is not null) card.Text(notice, subtle: true);
        card.Title(T.Get(c, "plans.viewTitle")).Text(PlanText.Week(c, plan.Week), subtle: true).Text(StatusLine(c, plan, leaderName));
        var done = progress.Count(p => p.State == PlanItemState.Done);
        var missed = progress.Count(p => p.State == PlanItemState.Missed);
        card.Text(T.Get(c, "plans.progress", progress.Count, done, missed));
        card.Table([2, 3, 2, 3, 2],
            [T.Get(c, "plans.day"), T.Get(c, "visits.customer"), T.Get(c, "visits.purpose"), T.Get(c, "plans.contact"), T.Get(c, "plans.state")],
            progress.OrderBy(p => p.Item.Day).ThenBy(p => p.Item.Time).Select(p => (IReadOnlyList<string>)[
                PlanText.When(c, p.Item),
                $"{p.Item.CustomerName} ({VisitText.Of(c, p.Item.CustomerType)})",
                VisitText.Of(c, p.Item.Purpose),
                Who(p.Item) ?? "—",
                PlanText.State(c, p)]));
        PlanActionCards.Facts(card, c, plan);
        var now = progress.Where(p => p.Item.Day == today && p.State == PlanItemState.Upcoming).OrderBy(p => p.Item.Time ?? TimeOnly.MaxValue).ToList();
        if (now.Count > 0) card.Heading(T.Get(c, "plans.today"));
        foreach (var p in now)
            card.Text($"{PlanText.When(c, p.Item)} · {p.Item.CustomerName}", subtle: true)
                .DialogButton(T.Get(c, "visits.checkIn"), CheckIns.CheckInHandler.OpenVerb, CheckIns.CheckInHandler.OpenData(p.Item.CustomerNumber));
        return DayReportCards.LedgerLink(card, c, ledgerUrl)
            .Execute(T.Get(c, "plans.change"), "plan.edit", new JsonObject { ["week"] = plan.Week.ToString() })
            .Execute(Switch(c, plan.Week, otherWeek), "plan.open", new JsonObject { ["week"] = otherWeek.ToString() })
            .Build();
    }

    /// <summary>Lines shown in the Suggested section, most overdue first; the rest are in "due visits".</summary>
    public const int MaxSuggested = 8;

    static void Suggested(Card card, CultureInfo c, PlanForm.Frame frame, IReadOnlyList<DueCustomer> suggested)
    {
        card.Heading(T.Get(c, "plans.suggested", suggested.Count));
        card.Text(T.Get(c, "plans.suggestedHow", VisitText.Of(c, PlanForm.SuggestedPurpose)), subtle: true);
        foreach (var d in suggested.Take(MaxSuggested))
            card.ListItem($"{d.Customer.Name} · {d.Customer.Number}", DueVisitCards.Detail(c, d), T.Get(c, "plans.suggestedAdd"), "plan.suggest",
                frame.Data((PlanForm.SuggestedCustomer, d.Customer.Number)));
        if (suggested.Count > MaxSuggested) card.Text(T.Get(c, "plans.suggestedMore", suggested.Count - MaxSuggested), subtle: true);
    }

    public static JsonObject NotAllowed(CultureInfo c, string reasonKey) => Card.Create()
        .Title(T.Get(c, "visits.notAllowedTitle"))
        .Text(T.Get(c, reasonKey))
        .Build();

    static string Switch(CultureInfo c, IsoWeek shown, IsoWeek other) => T.Get(c, other.CompareTo(shown) > 0 ? "plans.toNextWeek" : "plans.toThisWeek");

    static string Detail(CultureInfo c, VisitPlanItem item) =>
        string.Join(" · ", new[] { VisitText.Of(c, item.Purpose), VisitText.Of(c, item.CustomerType), Who(item) }.Where(s => s is not null));

    static string? Who(VisitPlanItem item) =>
        string.Join(" · ", new[] { item.Contact, item.Notes }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } who ? who : null;

    static string StatusLine(CultureInfo c, VisitPlan plan, string? leaderName) => plan.Status switch
    {
        VisitPlanStatus.Submitted => T.Get(c, "plans.submittedTo", leaderName ?? T.Get(c, "customers.yourLeader")),
        _ => T.Get(c, "plans.status", PlanText.Status(c, plan.Status)),
    };
}
