using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Visits;

namespace TeamsCrm.Bot.Tests.Cards;

/// <summary>The visit cadence cards of <see cref="CardCatalog"/>: the due list empty, ordinary, and past its row limit.</summary>
public static class CadenceCatalog
{
    static readonly DateOnly Today = new(2026, 11, 18);

    public static IEnumerable<(string Name, string Builder, JsonObject Card)> All(CultureInfo c)
    {
        var l = c.Name;
        var set = CadenceIntervals.Default with { Strategic = 10, Group = 21 };
        yield return ($"cadence.due.empty.{l}", "DueVisitCards.List", DueVisitCards.List(c, Today, [], CadenceIntervals.Default));
        yield return ($"cadence.due.{l}", "DueVisitCards.List", DueVisitCards.List(c, Today, Due(4), set));
        yield return ($"cadence.due.many.{l}", "DueVisitCards.List", DueVisitCards.List(c, Today, Due(DueVisitCards.MaxRows + 12), set));
    }

    /// <summary><paramref name="count"/> customers from 40 days overdue onwards, every tier and key-account class among them.</summary>
    public static IReadOnlyList<DueCustomer> Due(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new DueCustomer(new Customer
        {
            Number = $"C-2026-{i:D5}", Kind = CustomerKind.Enterprise, Name = $"Customer {i} 华东精密机械有限公司", OwnerAadObjectId = "li-na",
            Tier = (CustomerTier)(i % 3), KeyAccount = (KeyAccountClasses)(i % 16), Status = CustomerStatus.Active,
        }, Today.AddDays(7 - i), 14, 40 - i))];
}
