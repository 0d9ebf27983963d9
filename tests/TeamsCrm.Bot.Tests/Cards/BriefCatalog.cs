using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Briefs;
using static TeamsCrm.Bot.Tests.Cards.CustomerSamples;

namespace TeamsCrm.Bot.Tests.Cards;

/// <summary>The brief cards of <see cref="CardCatalog"/>: a full day (the most visits a brief shows, long texts) and one customer.</summary>
public static class BriefCatalog
{
    static FileBeforeVisit Before(int i)
    {
        var file = File(contacts: 8, entriesPerType: 3, textLength: 120);
        var visits = VisitSamples.ManyVisits(3).Select(v => v with
        {
            CustomerNumber = file.Customer.Number, NextAction = new string('跟', 60), NextActionDate = VisitSamples.Day.AddDays(i % 3 - 1),
        }).ToList();
        return new FileBeforeVisit(file.Customer with { Number = $"C-2026-{i + 1:D5}", Credit = new Credit("AA", 1_500_000m) },
            file.Contacts, file.Entries, visits);
    }

    public static IEnumerable<(string Name, string Builder, JsonObject Card)> All(CultureInfo c)
    {
        var day = VisitSamples.Day;
        var visits = Enumerable.Range(0, 10).Select(i => new BriefVisit(
            new VisitPlanItem($"item-{i}", $"C-2026-{i + 1:D5}", CustomerCategory.Important, VisitPurpose.Negotiation, day,
                i == 9 ? null : new TimeOnly(8 + i, 30), "王建国", new string('备', 80), "苏州华东精密机械有限公司"),
            i == 4 ? null : Before(i))).ToList();
        yield return ($"brief.day.{c.Name}", "BriefCards.Day", BriefCards.Day(c, day, visits, planned: 12, paymentTermDays: 30));
        yield return ($"brief.customer.{c.Name}", "BriefCards.Customer", BriefCards.Customer(c, Before(0), day, 30));
    }
}
