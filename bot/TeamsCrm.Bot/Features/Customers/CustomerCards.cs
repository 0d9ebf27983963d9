using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Features.Customers;

public static class CustomerCards
{
    /// <summary>The whole file for those who may read it in full: basics, contacts, the five archive categories, history.</summary>
    public static JsonObject File(CultureInfo c, TimeZoneInfo zone, CustomerPage page)
    {
        var customer = page.File.Customer;
        var card = Card.Create();
        if (page.Notice is not null) card.Text(page.Notice, subtle: true);
        card.Title(customer.Name)
            .Text($"{customer.Number} · {CustomerText.Of(c, customer.Kind)}", subtle: true)
            .Text(Status(c, customer, page.LeaderName));
        foreach (var a in page.Waiting ?? [])
            card.Text(T.Get(c, "customers.waiting", CustomerText.Of(c, a.Kind), CustomerText.Time(a.CreatedAt, zone)), subtle: true);
        CustomerSections.Basics(card, c, zone, customer, page.OwnerName);
        CustomerSections.Contacts(card, c, page.File.Contacts);
        CustomerSections.Archive(card, c, page.File.Entries);
        if (page.DocumentLink is { } link) DocumentSection.Full(card, c, zone, page.Documents ?? [], page.Names, link, page.MayRemoveDocument ?? (_ => false));
        else DocumentSection.Count(card, c, page.Documents?.Count ?? 0);
        // Under the documents it adds to; the card's own buttons are the file's (and Teams shows at most six).
        if (page.Buttons.HasFlag(FileButtons.AddDocument))
            card.Button(T.Get(c, "documents.add"), DocumentSection.HowVerb, new JsonObject { ["number"] = customer.Number });
        CustomerSections.History(card, c, zone, page.File.History, page.Names);
        CustomerSections.Visits(card, c, page.RecentVisits ?? []);
        // The file's stable address to copy: pasted into any chat, Teams unfurls it into the card everyone there may see.
        if (page.Address is { } address) card.Text(T.Get(c, "customers.copyLink", address), subtle: true);

        var number = new JsonObject { ["number"] = customer.Number };
        // Under the visits it is about; the card's own buttons are the file's.
        if (page.Buttons.HasFlag(FileButtons.Escalate)) card.Button(T.Get(c, "customers.escalate"), "request.escalate", number);
        if (page.Buttons.HasFlag(FileButtons.LogVisit)) card.Execute(T.Get(c, "customers.logVisit"), "visit.form", number);
        if (page.Buttons.HasFlag(FileButtons.Edit)) card.Execute(T.Get(c, "customers.edit"), "customer.edit", number);
        if (page.Buttons.HasFlag(FileButtons.AddContact)) card.Execute(T.Get(c, "customers.addContact"), "customer.contact", number);
        if (page.Buttons.HasFlag(FileButtons.AddEntry)) card.Execute(T.Get(c, "customers.addEntry"), "customer.entry", number);
        if (page.Buttons.HasFlag(FileButtons.LogComplaint))
            card.Execute(T.Get(c, "customers.logComplaint"), "customer.entry", new JsonObject { ["number"] = customer.Number, ["type"] = nameof(EntryType.Complaint) });
        if (page.Buttons.HasFlag(FileButtons.Delete)) card.Execute(T.Get(c, "customers.delete"), "customer.delete", number);
        if (page.Buttons.HasFlag(FileButtons.Restore)) card.Execute(T.Get(c, "customers.restore"), "customer.restore", number);
        if (page.Buttons.HasFlag(FileButtons.Open))
            card.Text(T.Get(c, "customers.sharedOpen"), subtle: true).Execute(T.Get(c, "customers.openMine"), "customer.open", number);
        return card.Build();
    }

    /// <summary>
    /// Posted where not everyone may read the file: the company, its contacts' names and titles (发放制度), and Open,
    /// which gives each person their own view in their 1:1 chat.
    /// </summary>
    public static JsonObject SharedRedacted(CultureInfo c, string number, string name, IReadOnlyList<Contact> contacts, string ownerName, int documents = 0) =>
        RedactedBody(c, name, T.Get(c, "customers.sharedIntro", ownerName), contacts, documents)
            .Text(T.Get(c, "customers.sharedOpen"), subtle: true)
            .Execute(T.Get(c, "customers.openMine"), "customer.open", new JsonObject { ["number"] = number })
            .Build();

    /// <summary>发放制度: someone else's customer shows only the company name, contact names and titles.</summary>
    /// <param name="documents">How many documents the file has: they are not shown, only counted.</param>
    public static JsonObject Redacted(CultureInfo c, string number, string name, IReadOnlyList<Contact> contacts, string ownerName, int documents = 0) =>
        RedactedBody(c, name, T.Get(c, "customers.redactedIntro", ownerName), contacts, documents)
            .Text(T.Get(c, "customers.requestAccess"), subtle: true)
            .Execute(T.Get(c, "customers.askAccess"), "request.access", new JsonObject { ["number"] = number })
            .Build();

    /// <summary>What the redacted views show: the company, its contacts' names and titles, how many documents.</summary>
    static Card RedactedBody(CultureInfo c, string name, string intro, IReadOnlyList<Contact> contacts, int documents)
    {
        var card = Card.Create().Title(name).Text(intro);
        if (contacts.Count > 0)
            card.Heading(T.Get(c, "customers.contacts", contacts.Count))
                .Facts(contacts.Take(CustomerSections.MaxContacts).Select(p => (p.Name, p.Title ?? "—")));
        DocumentSection.Count(card, c, documents);
        return card;
    }

    /// <summary>Several files match: one line each with a button that opens it.</summary>
    /// <param name="forEveryone">Posted where several people read it: each line as all of them may see it, Open sends each their own.</param>
    public static JsonObject List(CultureInfo c, string query, IReadOnlyList<FoundCustomer> found, bool more, bool forEveryone = false)
    {
        var card = Card.Create().Title(T.Get(c, forEveryone ? "customers.sharedList" : "customers.matches", found.Count, query));
        foreach (var f in found)
        {
            var detail = f.Status is { } status
                ? $"{f.Number} · {CustomerText.Of(c, status)} · {f.OwnerName}"
                : T.Get(c, "customers.ownedBy", f.OwnerName);
            card.ListItem(f.Name, detail, T.Get(c, "customers.open"), "customer.open", new JsonObject { ["number"] = f.Number });
        }
        if (more) card.Text(T.Get(c, "customers.more"), subtle: true);
        return card.Build();
    }

    /// <summary>The answer to an action the reader may not take; it replaces the card, and nothing was changed.</summary>
    public static JsonObject NotAllowed(CultureInfo c, string reasonKey) => Card.Create()
        .Title(T.Get(c, "customers.notAllowedTitle"))
        .Text(T.Get(c, reasonKey))
        .Build();

    static string Status(CultureInfo c, Customer customer, string? leaderName) => customer.Status == CustomerStatus.Pending
        ? T.Get(c, "customers.pendingFor", leaderName ?? T.Get(c, "customers.yourLeader"))
        : T.Get(c, "customers.status", CustomerText.Of(c, customer.Status));
}
