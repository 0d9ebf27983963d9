using System.Globalization;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Visits;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>
/// The parts of the full customer card. Lists are cut short (contacts, the latest entries per category,
/// the latest changes) so that even a large file stays well under Teams' 80 KB card budget.
/// </summary>
static class CustomerSections
{
    public const int MaxContacts = 10;
    const int EntriesPerCategory = 2;
    const int HistoryLines = 5;
    const int TextInCard = 160;
    /// <summary>The history field of a note added to the file (a message filed with "Add to customer notes").</summary>
    public const string NoteField = "note";

    public static void Basics(Card card, CultureInfo c, TimeZoneInfo zone, Customer x, string ownerName)
    {
        var facts = new List<(string, string)>();
        void Add(string field, string? value)
        {
            if (!string.IsNullOrEmpty(value)) facts.Add((CustomerText.Field(c, field), CustomerText.FieldValue(c, field, value)));
        }
        Add("aliases", x.Aliases);
        Add("industry", x.Industry);
        Add("companySize", x.CompanySize);
        Add("region", x.Region);
        Add("address", x.Address);
        Add("coordinates", x.Coordinates);
        Add("phone", x.Phone);
        Add("email", x.Email);
        Add("website", x.Website);
        Add("creditCode", x.CreditCode);
        facts.Add((T.Get(c, "customers.owner"), ownerName));
        facts.Add((T.Get(c, "customers.categoryTier"), $"{CustomerText.Of(c, x.Category)} · {CustomerText.Of(c, x.Tier)}"));
        if (x.KeyAccount != KeyAccountClasses.None)
            facts.Add((T.Get(c, "customers.keyAccount"), string.Join(", ",
                Enum.GetValues<KeyAccountClasses>().Where(k => k != KeyAccountClasses.None && x.KeyAccount.HasFlag(k)).Select(k => CustomerText.Of(c, k)))));
        facts.Add((T.Get(c, "customers.credit"), Credit(c, x.Credit)));
        facts.Add((T.Get(c, "customers.stage"), CustomerText.Of(c, x.Stage)));
        facts.Add((T.Get(c, "customers.updated"), CustomerText.Time(x.UpdatedAt, zone)));
        if (x.LastContactAt is { } contact) facts.Add((T.Get(c, "customers.lastContact"), CustomerText.Time(contact, zone)));
        card.Facts(facts);
    }

    public static void Contacts(Card card, CultureInfo c, IReadOnlyList<Contact> contacts)
    {
        card.Heading(T.Get(c, "customers.contacts", contacts.Count));
        if (contacts.Count == 0)
        {
            card.Text(T.Get(c, "customers.noContacts"), subtle: true);
            return;
        }
        card.Facts(contacts.Take(MaxContacts).Select(p => (
            p.Title is null ? p.Name : $"{p.Name} ({p.Title})",
            string.Join(" · ", new[] { CustomerText.Of(c, p.Role), p.Phone, p.Email }.Where(s => s is not null)))));
        if (contacts.Count > MaxContacts) card.Text(T.Get(c, "customers.andMore", contacts.Count - MaxContacts), subtle: true);
    }

    /// <summary>五大类: each category with its count and its latest entries (the archive lists newest first).</summary>
    public static void Archive(Card card, CultureInfo c, IReadOnlyList<ArchiveEntry> entries)
    {
        card.Heading(T.Get(c, "customers.archive"));
        foreach (var category in Enum.GetValues<ArchiveCategory>())
        {
            var filed = entries.Where(e => e.Category == category).ToList();
            card.Text(T.Get(c, "customers.categoryCount", CustomerText.Of(c, category), filed.Count));
            card.Facts(filed.Take(EntriesPerCategory).Select(e => (CustomerText.Date(e.Date), Entry(c, e))));
        }
    }

    public static void History(Card card, CultureInfo c, TimeZoneInfo zone, IReadOnlyList<ChangeRecord> history, IReadOnlyDictionary<string, string> names)
    {
        if (history.Count == 0) return;
        card.Heading(T.Get(c, "customers.history"));
        card.Facts(history.Take(HistoryLines).Select(h => (
            $"{CustomerText.Time(h.At, zone)} {names.GetValueOrDefault(h.ByAadObjectId, "?")}",
            Change(c, h))));
    }

    /// <summary>The latest visit reports: when, how it went, with whom, and what happened (shortened).</summary>
    public static void Visits(Card card, CultureInfo c, IReadOnlyList<Visit> visits)
    {
        card.Heading(T.Get(c, "customers.recentVisits"));
        if (visits.Count == 0)
        {
            card.Text(T.Get(c, "customers.noVisits"), subtle: true);
            return;
        }
        card.Facts(visits.Select(v => (VisitText.When(v), string.Join(" · ",
            VisitText.Of(c, v.Purpose), VisitText.Result(c, v), v.ContactPerson, CustomerText.Shorten(v.Notes, TextInCard)))));
    }

    public static string Change(CultureInfo c, ChangeRecord h)
    {
        if (h.Field == DocumentSection.HistoryField)
            return T.Get(c, h.NewValue is not null ? "documents.historyAdded" : "documents.historyRemoved", h.NewValue ?? h.OldValue);
        if (h.Field == Domain.Imports.ImportKeys.HistoryField) return h.NewValue ?? "";   // written in the importer's language
        if (h.Field == NoteField) return T.Get(c, "customers.historyNote", CustomerText.Shorten(h.NewValue ?? "", TextInCard));   // its reason is the note's id
        var line = T.Get(c, "customers.changeLine", CustomerText.Field(c, h.Field),
            CustomerText.Quoted(c, h.Field, h.OldValue), CustomerText.Quoted(c, h.Field, h.NewValue));
        return h.Reason is null ? line : T.Get(c, "customers.withReason", line, CustomerText.Shorten(h.Reason, TextInCard));
    }

    public static string Entry(CultureInfo c, ArchiveEntry e) => string.Join(" · ", new[]
    {
        CustomerText.Of(c, e.Type),
        e.Amount is { } amount ? CustomerText.Money(c, amount) : null,
        e.Reference,
        e.Description is null ? null : CustomerText.Shorten(e.Description, TextInCard),
        e.Result is null ? null : T.Get(c, "customers.resultIs", CustomerText.Shorten(e.Result, TextInCard)),
    }.Where(s => s is not null));

    static string Credit(CultureInfo c, Credit credit)
    {
        var parts = new[]
        {
            credit.Rating,
            credit.Limit is { } limit ? T.Get(c, "customers.creditLimit", CustomerText.Money(c, limit)) : null,
            credit.PaymentTerms,
        }.Where(s => s is not null).ToList();
        return parts.Count == 0 ? T.Get(c, "customers.notRated") : string.Join(" · ", parts);
    }
}
