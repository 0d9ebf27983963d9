using System.Globalization;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Features.Plans;

/// <summary>
/// The week's action plan (周行动计划表, table 5-5) as card parts: three texts the rep fills in the plan editor, and the same
/// as facts wherever the plan is shown — the rep's plan view and the supervisor's request card.
/// </summary>
public static class PlanActionCards
{
    static readonly (string Id, string Label, Func<VisitPlan, string?> Stored)[] Fields =
    [
        (PlanForm.KeyGoals, "plans.actions.goals", p => p.KeyGoals),
        (PlanForm.KeyProducts, "plans.actions.products", p => p.KeyProducts),
        (PlanForm.KeyCustomers, "plans.actions.customers", p => p.KeyCustomers),
    ];

    /// <summary>The three inputs, as typed or stored, with a message beside a refused one.</summary>
    public static void Inputs(Card card, FormFields f, CultureInfo c)
    {
        card.Heading(T.Get(c, "plans.actions.heading"));
        foreach (var (id, label, _) in Fields) f.MultiLine(id, T.Get(c, label), maxLength: PlanForm.ActionMaxLength);
    }

    /// <summary>The filled-in texts as facts under a heading; nothing when the rep wrote none.</summary>
    public static void Facts(Card card, CultureInfo c, VisitPlan plan)
    {
        var facts = Fields.Select(x => (Label: T.Get(c, x.Label), Text: x.Stored(plan))).Where(x => !string.IsNullOrWhiteSpace(x.Text))
            .Select(x => (x.Label, x.Text!)).ToList();
        if (facts.Count == 0) return;
        card.Heading(T.Get(c, "plans.actions.heading"));
        card.Facts(facts);
    }
}
