using System.Globalization;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Visits;

namespace TeamsCrm.Bot.Features.Plans;

/// <summary>How plans read: weeks, weekdays, states of planned visits.</summary>
public static class PlanText
{
    /// <summary>"Week 47 · 16 Nov – 22 Nov 2026" / "第 47 周 · 2026年11月16日 – 11月22日".</summary>
    public static string Week(CultureInfo c, IsoWeek week) =>
        T.Get(c, "plans.week", week.Week, week.Monday.ToDateTime(TimeOnly.MinValue), week.Sunday.ToDateTime(TimeOnly.MinValue));

    /// <summary>The days of the week from <paramref name="from"/> on as choices: "Mon 16 Nov 2026" → "1" (days over cannot be planned).</summary>
    public static IEnumerable<(string Title, string Value)> Weekdays(CultureInfo c, IsoWeek week, DateOnly? from = null) =>
        Enumerable.Range(1, 7).Select(d => (Day: week.Monday.AddDays(d - 1), Value: d))
            .Where(x => from is not { } first || x.Day >= first)
            .Select(x => (VisitText.Day(c, x.Day), x.Value.ToString(CultureInfo.InvariantCulture)));

    /// <summary>"Mon 16 Nov 09:30".</summary>
    public static string When(CultureInfo c, VisitPlanItem item) =>
        item.Time is { } t ? $"{VisitText.Day(c, item.Day)} {t.ToString("HH:mm", CultureInfo.InvariantCulture)}" : VisitText.Day(c, item.Day);

    /// <summary>Done (on another day: which), missed once its day is over, or still planned.</summary>
    public static string State(CultureInfo c, PlanItemProgress p) => p.State switch
    {
        PlanItemState.Done when p.OnPlannedDay => T.Get(c, "plans.done"),
        PlanItemState.Done => T.Get(c, "plans.doneOn", VisitText.Weekday(c, p.Visit!.LocalDate)),
        PlanItemState.Missed => T.Get(c, "plans.missed"),
        _ => T.Get(c, "plans.upcoming"),
    };

    public static string Status(CultureInfo c, VisitPlanStatus status) => T.Get(c, "VisitPlanStatus." + status);
}
