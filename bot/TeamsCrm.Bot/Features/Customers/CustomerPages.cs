using System.Text.Json.Nodes;
using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Documents;
using TeamsCrm.Bot.Turns;
using TeamsCrm.Bot.Web;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>
/// Shows one customer file to the authenticated reader: in full or redacted as <see cref="CustomerAccess"/>
/// decides, with the buttons the reader may use, and every read of a file that is not one's own logged (借阅).
/// </summary>
static class CustomerPages
{
    const string FullRead = "customer card: full file";
    const string RedactedRead = "customer card: company name, contact names and titles";
    const string SharedFullRead = "customer card posted in a group chat or channel: full file";
    const string SharedRedactedRead = "customer card posted in a group chat or channel: company name, contact names and titles";
    const int RecentVisits = 3;

    /// <summary>Null when there is no such file (or it was purged). Two archive calls: the lookup, then the whole file.</summary>
    /// <param name="links">Signs each document's Open link for <paramref name="me"/>.</param>
    public static async Task<JsonObject?> ShowAsync(Turn turn, Person me, string number, ICrmArchive archive, IDirectory directory, DownloadLinks links,
        TimeProvider clock, CancellationToken ct, string? notice = null) =>
        await archive.Customers.FindForAsync(CustomerQuery.Number(number), me.AadObjectId, ct) is { Files: [var file] } found
            ? await ShowAsync(turn, me, file, found.ReaderGrants, archive, directory, links, clock, ct, notice)
            : null;

    /// <summary>
    /// The card of a file the reader has looked up, with the grants they hold (<see cref="FoundFiles"/>): one archive call, the whole
    /// file, with the read logged in it when it must be. Null when the reader may see nothing of it, or it was purged meanwhile.
    /// </summary>
    public static async Task<JsonObject?> ShowAsync(Turn turn, Person me, Customer found, IReadOnlyList<AccessGrant> myGrants, ICrmArchive archive,
        IDirectory directory, DownloadLinks links, TimeProvider clock, CancellationToken ct, string? notice = null)
    {
        var number = found.Number;
        var (view, leader) = await ViewAsync(me, found, myGrants, directory, clock, ct);
        if (view == FileView.None) return null;
        var read = CustomerAccess.MustLog(me, found)
            ? new AccessLogEntry(number, me.AadObjectId, clock.GetUtcNow(), view == FileView.Full ? FullRead : RedactedRead, view == FileView.Full)
            : null;
        if (await archive.WholeFiles.ReadAsync(number, RecentVisits, read, ct) is not { File.Customer.Status: not CustomerStatus.Purged } whole) return null;
        var (file, customer, documents) = (whole.File, whole.File.Customer, whole.Documents);

        var ownerName = await NameOfAsync(directory, customer.OwnerAadObjectId, ct);
        if (view == FileView.Redacted) return CustomerCards.Redacted(turn.Culture, number, customer.Name, file.Contacts, ownerName, documents.Count);

        var names = await NamesAsync(directory, file.History.Select(h => h.ByAadObjectId).Concat(documents.Select(d => d.UploadedByAadObjectId)), ct);
        // Open links are made for this reader: this card is theirs alone (in a shared space the reply goes to their 1:1 chat).
        string Link(CustomerDocument d) => links.For(me.AadObjectId, DownloadKind.Document, d.Id, turn.Culture);
        var buttons = ButtonsFor(me, customer) | (customer.Status is CustomerStatus.Pending or CustomerStatus.Active ? FileButtons.LogVisit : FileButtons.None);
        var waiting = whole.Requests
            .Where(a => a is { IsPending: true, Kind: ApprovalKind.Modification or ApprovalKind.Deletion or ApprovalKind.VisitEscalation })
            .OrderBy(a => a.CreatedAt).ToList();
        if (waiting.Any(a => a.Kind == ApprovalKind.Deletion)) buttons &= ~FileButtons.Delete;   // one deletion request at a time
        var page = new CustomerPage(file, ownerName, leader?.Name, names, buttons, notice, whole.LatestVisits,
            waiting, documents, Link, d => CustomerAccess.MayFileDocument(me, customer, d.Category ?? ArchiveCategory.Basic),
            Address: links.Page(CustomerLinks.PathPrefix + number));
        return CustomerCards.File(turn.Culture, turn.TimeZone, page);
    }

    /// <summary>
    /// The file as everyone in a group chat or channel may see it (the least view among them, <see cref="Audience"/>), with
    /// Open for each person's own view, and that least view; no card when some of them may see nothing of it. The one who
    /// asked is logged as having shown it there (借阅).
    /// </summary>
    public static async Task<(JsonObject? Card, FileView View)> ShowToAllAsync(Turn turn, Person asker, Audience audience, Customer customer, ICrmArchive archive,
        IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        var leader = await directory.ManagerOfAsync(customer.OwnerAadObjectId, ct);
        var view = audience.ViewOf(customer, leader?.AadObjectId, await archive.Customers.GrantsForAsync(customer.Number, ct), clock.GetUtcNow());
        if (view == FileView.None) return (null, view);
        var read = CustomerAccess.MustLog(asker, customer)
            ? new AccessLogEntry(customer.Number, asker.AadObjectId, clock.GetUtcNow(), view == FileView.Full ? SharedFullRead : SharedRedactedRead, view == FileView.Full)
            : null;
        if (await archive.WholeFiles.ReadAsync(customer.Number, RecentVisits, read, ct) is not { File.Customer.Status: not CustomerStatus.Purged } whole)
            return (null, FileView.None);
        var (file, documents) = (whole.File, whole.Documents);   // documents counted only: they never go into a shared space
        var ownerName = await NameOfAsync(directory, file.Customer.OwnerAadObjectId, ct);
        if (view == FileView.Redacted)
            return (CustomerCards.SharedRedacted(turn.Culture, customer.Number, file.Customer.Name, file.Contacts, ownerName, documents.Count), view);
        var names = await NamesAsync(directory, file.History.Select(h => h.ByAadObjectId), ct);
        // Nobody's own buttons: Open gives each person theirs, in their 1:1 chat.
        var page = new CustomerPage(file, ownerName, leader?.Name, names, FileButtons.Open, null, whole.LatestVisits, Documents: documents);
        return (CustomerCards.File(turn.Culture, turn.TimeZone, page), view);
    }

    /// <summary>The least view among everyone in a conversation, without showing anything (a list's lines).</summary>
    public static async Task<FileView> AudienceViewAsync(Audience audience, Customer file, ICustomerFiles files, IDirectory directory,
        TimeProvider clock, CancellationToken ct)
    {
        if (!audience.MayAllQuery) return FileView.None;
        var leader = await directory.ManagerOfAsync(file.OwnerAadObjectId, ct);
        return audience.ViewOf(file, leader?.AadObjectId, await files.GrantsForAsync(file.Number, ct), clock.GetUtcNow());
    }

    /// <summary>
    /// How much of the file the reader may see; with the owner's direct leader, who sees their team's files. The file's grants are
    /// read only when one could change the answer.
    /// </summary>
    public static async Task<(FileView View, Person? OwnersLeader)> ViewAsync(Person me, Customer file, ICustomerFiles files, IDirectory directory,
        TimeProvider clock, CancellationToken ct)
    {
        var leader = await directory.ManagerOfAsync(file.OwnerAadObjectId, ct);
        var now = clock.GetUtcNow();
        var grants = GrantCouldMatter(me, file, leader, now) ? await files.GrantsForAsync(file.Number, ct) : [];
        return (CustomerAccess.ViewOf(me, file, leader?.AadObjectId, grants, now), leader);
    }

    /// <summary>The same, from the grants the reader holds (<see cref="FoundFiles.ReaderGrants"/>): no archive call.</summary>
    public static async Task<(FileView View, Person? OwnersLeader)> ViewAsync(Person me, Customer file, IReadOnlyList<AccessGrant> myGrants, IDirectory directory,
        TimeProvider clock, CancellationToken ct)
    {
        var leader = await directory.ManagerOfAsync(file.OwnerAadObjectId, ct);
        return (CustomerAccess.ViewOf(me, file, leader?.AadObjectId, myGrants, clock.GetUtcNow()), leader);
    }

    /// <summary>Whether a grant to the reader would change their view: the access code asked with none and with one, so the rule stays there alone.</summary>
    static bool GrantCouldMatter(Person me, Customer file, Person? leader, DateTimeOffset now) =>
        CustomerAccess.ViewOf(me, file, leader?.AadObjectId, [], now)
        != CustomerAccess.ViewOf(me, file, leader?.AadObjectId, [new AccessGrant(file.Number, me.AadObjectId, me.AadObjectId, now, now.AddTicks(1))], now);

    public static FileButtons ButtonsFor(Person me, Customer customer) =>
        customer.Status == CustomerStatus.Deleted ? (CustomerAccess.MayRestore(me, customer) ? FileButtons.Restore : FileButtons.None)
        : CustomerAccess.MayEdit(me, customer) ? FileButtons.Owner
        : CustomerAccess.MayAddEntry(me, customer, EntryType.Complaint) ? FileButtons.LogComplaint | FileButtons.AddDocument
        : FileButtons.None;

    static async Task<Dictionary<string, string>> NamesAsync(IDirectory directory, IEnumerable<string> ids, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in ids.Distinct(StringComparer.OrdinalIgnoreCase)) names[id] = await NameOfAsync(directory, id, ct);
        return names;
    }

    /// <summary>Someone no longer in the directory still appears in old records: by id, the only thing left to show.</summary>
    public static async Task<string> NameOfAsync(IDirectory directory, string aadObjectId, CancellationToken ct) =>
        (await directory.FindAsync(aadObjectId, ct))?.Name ?? aadObjectId;
}
