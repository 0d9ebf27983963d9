using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Features.Visits;

namespace TeamsCrm.Bot.Features.Briefs;

/// <summary>
/// The morning brief: per planned visit, in time order, what a rep reads before going in — the customer's level and stage,
/// who to meet, how the last visits went and what was promised, what is owed and overdue, open complaints, credit — and
/// Log this visit, the visit card prefilled with the plan's customer, purpose and contact.
/// </summary>
public static class BriefCards
{
    /// <summary>Contacts a visit's section lists; the file has the rest.</summary>
    const int Contacts = 4;

    /// <summary>Teams refuses a message over about 28 KB; the brief keeps below it with room for the activity around the card.</summary>
    public const int MaxBytes = 24 * 1024;

    /// <summary>The day's visits, as many as fit in one message (the rest are named as more, each a <c>brief C-…</c> away).</summary>
    public static JsonObject Day(CultureInfo c, DateOnly day, IReadOnlyList<BriefVisit> visits, int planned, int paymentTermDays)
    {
        for (var shown = visits.Count; ; shown--)
        {
            var card = Card.Create().Title(T.Get(c, "brief.title", VisitText.Day(c, day))).Text(T.Get(c, "brief.count", planned), subtle: true);
            foreach (var visit in visits.Take(shown)) Section(card, c, visit.Item, visit.File, day, paymentTermDays);
            if (planned > shown) card.Text(T.Get(c, "brief.more", planned - shown), subtle: true);
            var built = card.Build();
            if (shown <= 1 || System.Text.Encoding.UTF8.GetByteCount(built.ToJsonString()) <= MaxBytes) return built;
        }
    }

    /// <summary><c>brief C-2026-00042</c>: one customer's brief before an unplanned visit.</summary>
    public static JsonObject Customer(CultureInfo c, FileBeforeVisit file, DateOnly today, int paymentTermDays)
    {
        var card = Card.Create().Title(T.Get(c, "brief.customerTitle", file.Customer.Name));
        Section(card, c, null, file, today, paymentTermDays);
        return card.Build();
    }

    static void Section(Card card, CultureInfo c, VisitPlanItem? item, FileBeforeVisit? file, DateOnly today, int paymentTermDays)
    {
        var number = file?.Customer.Number ?? item!.CustomerNumber;
        var name = file?.Customer.Name ?? item!.CustomerName;
        card.Heading((item?.Time is { } at ? BriefTimes.Format(at) + " · " : "") + $"{name} · {number}");
        if (item is not null)
            card.Text(T.Get(c, "brief.planned", VisitText.Of(c, item.Purpose), string.IsNullOrWhiteSpace(item.Contact) ? "—" : item.Contact)
                + (string.IsNullOrWhiteSpace(item.Notes) ? "" : " · " + Short(item.Notes)), subtle: true);
        if (file is null)
        {
            card.Text(T.Get(c, "brief.notYours"), subtle: true).Button(T.Get(c, "brief.open"), "customer.open", new JsonObject { ["number"] = number });
            return;
        }
        var customer = file.Customer;
        var owed = Receivables.Of(file.Entries, today, paymentTermDays);
        var last = file.LastVisits.FirstOrDefault();
        card.Facts([
            (T.Get(c, "brief.level"), CustomerText.Of(c, customer.Tier) + (customer.KeyAccount == KeyAccountClasses.None ? ""
                : " · " + CustomerText.FieldValue(c, "keyAccount", customer.KeyAccount.ToString()))),
            (T.Get(c, "brief.stage"), CustomerText.Of(c, customer.Stage)),
            (T.Get(c, "brief.credit"), T.Get(c, "brief.creditValue", customer.Credit.Rating ?? "—",
                customer.Credit.Limit is { } limit ? VisitText.Money(c, limit) : "—")),
            (T.Get(c, "brief.owed"), owed.Outstanding == 0 ? T.Get(c, "brief.nothingOwed")
                : T.Get(c, "brief.owedValue", VisitText.Money(c, owed.Outstanding), VisitText.Money(c, owed.Overdue))),
            (T.Get(c, "brief.lastVisit"), last is null ? T.Get(c, "brief.neverVisited")
                : T.Get(c, "brief.daysAgo", today.DayNumber - LocalCalendar.DateOf(last.Time, LocalCalendar.FindZone(last.TimeZoneId) ?? TimeZoneInfo.Utc).DayNumber)),
        ]);
        var contacts = file.Contacts.OrderBy(RoleOrder).Take(Contacts).ToList();
        if (contacts.Count > 0)
            card.Facts(contacts.Select(k => (k.Name, CustomerText.Of(c, k.Role) + (k.Title is { Length: > 0 } title ? " · " + Short(title) : "")
                + (k.Phone is { Length: > 0 } phone ? " · " + phone : ""))));
        // One fact a visit: a table's columns cost a message several times the bytes, and a brief holds up to ten visits.
        if (file.LastVisits.Count > 0)
            card.Facts(file.LastVisits.Select(v => (VisitText.When(v)[5..10], VisitText.Result(c, v)
                + (v.NextAction is { Length: > 0 } next ? " · " + T.Get(c, "brief.next", Short(next), v.NextActionDate is { } due ? VisitText.Date(due) : "—") : ""))));
        // What was promised at the last visit is still open: no visit has come since.
        if (last is { NextAction: { Length: > 0 } action, NextActionDate: { } promised })
            card.Text(T.Get(c, promised < today ? "brief.followUpOverdue" : "brief.followUp", Short(action), VisitText.Date(promised)));
        if (owed.OldestOverdue is { } since) card.Warning(T.Get(c, "brief.overdueSince", VisitText.Money(c, owed.Overdue), VisitText.Date(since)));
        foreach (var complaint in file.Entries.Where(e => e.Type == EntryType.Complaint && string.IsNullOrWhiteSpace(e.Result)).OrderBy(e => e.Date))
            card.Warning(T.Get(c, "brief.complaint", VisitText.Date(complaint.Date), Short(complaint.Description ?? complaint.Reference ?? "—")));
        var draft = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [VisitForm.Purpose] = item?.Purpose.ToString(), [VisitForm.ContactName] = item?.Contact,
        };
        card.DialogButton(T.Get(c, "brief.checkIn"), CheckIns.CheckInHandler.OpenVerb, CheckIns.CheckInHandler.OpenData(number))
            .Button(T.Get(c, item is null ? "brief.logOne" : "brief.log"), "visit.form", VisitDraft.Data(number, draft));
    }

    /// <summary>Free text in the brief: the file has it whole.</summary>
    static string Short(string text) => text.Length <= 100 ? text : text[..99] + "…";

    /// <summary>Decision makers and the inside contact first (the regulations' order of who matters in a deal), then as filed.</summary>
    static int RoleOrder(Contact k) => k.Role switch
    {
        ContactRole.DecisionMaker => 0,
        ContactRole.InsideContact => 1,
        ContactRole.Primary => 2,
        ContactRole.Influencer => 3,
        _ => 4,
    };
}
