using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Documents;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Features.Imports;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Documents;

/// <summary>
/// Files sent in a chat with the bot: each one checked against the limits (type, size, how many at once) and received
/// into the sender's inbox at once — Teams' download links are short-lived — then the filing card asks where they go: the
/// customer (by default the visit just saved, else the file last opened), the category, an archive entry, a title each.
/// </summary>
public static class DocumentInbox
{
    /// <summary>Photos sent this soon after a visit report was saved are that visit's evidence (field CRMs ask a photo with a visit).</summary>
    public static readonly TimeSpan VisitJustSaved = TimeSpan.FromMinutes(30);

    public static async Task<Reply> Receive(Turn turn, ICrmArchive archive, IDirectory directory, IOptions<DocumentLimits> options,
        RecentCustomers recent, TimeProvider clock, CancellationToken ct)
    {
        var c = turn.Culture;
        var o = options.Value;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null || !CustomerAccess.MayQuery(me)) return Reply.Text(T.Get(c, "customers.mayNotQuery"));
        if (turn.Files.Count > o.MaxFilesPerMessage) return Reply.Text(T.Get(c, "documents.tooMany", turn.Files.Count, o.MaxFilesPerMessage));

        var received = new List<CustomerDocument>();
        var refused = new List<string>();
        foreach (var file in turn.Files)
        {
            var name = DocumentNames.Sanitise(file.Name);
            if (!o.Allows(DocumentNames.Extension(name)))
            {
                refused.Add(T.Get(c, "documents.typeRefused", name, string.Join(", ", o.AllowedTypes)));
                continue;
            }
            try
            {
                await using var content = await file.Open(ct);
                received.Add(await archive.Documents.ReceiveAsync(new CustomerDocument
                {
                    Id = Guid.NewGuid().ToString("N"), Title = Path.GetFileNameWithoutExtension(name), OriginalName = name,
                    ContentType = file.ContentType ?? ContentTypes.Of(name), Size = 0, ContentHash = "",
                    UploadedByAadObjectId = me.AadObjectId, UploadedAt = clock.GetUtcNow(),
                }, content, o.MaxBytes, ct));
            }
            catch (DocumentTooLargeException)
            {
                refused.Add(T.Get(c, "documents.tooLarge", name, DocumentSection.Size(c, o.MaxBytes)));
            }
            catch (Exception e) when (e is IOException or HttpRequestException or TimeoutException)
            {
                refused.Add(T.Get(c, "documents.notFetched", name));   // a link that expired or failed half-way: nothing kept
            }
        }
        if (received.Count == 0) return Reply.Text(string.Join("\n\n", refused));
        var defaults = await DefaultsAsync(me, turn, archive, directory, recent, clock, ct);
        var ledgers = ImportAccess.MayImport(me) ? received.Where(LedgerSpool.IsLedger).ToList() : [];
        return Reply.Card(DocumentCards.Filing(c, turn.TimeZone, new FilingForm(received, defaults.Customer, defaults.VisitId, defaults.Category,
            await ChoicesAsync(me, archive, defaults.Customer, ct), refused, Ledgers: ledgers)));
    }

    /// <summary>The visit the person saved just now, else the file they last opened — if they may file documents there.</summary>
    static async Task<(Customer? Customer, string? VisitId, ArchiveCategory Category)> DefaultsAsync(Person me, Turn turn, ICrmArchive archive,
        IDirectory directory, RecentCustomers recent, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = LocalCalendar.Today(now, turn.TimeZone);
        var visit = (await archive.Visits.ForRepAsync(me.AadObjectId, today.AddDays(-1), today, ct))
            .Where(v => now - v.CreatedAt <= VisitJustSaved).MaxBy(v => v.CreatedAt);
        if (visit is not null && await archive.Customers.GetAsync(visit.CustomerNumber, ct) is { } visited
            && CustomerAccess.MayFileDocument(me, visited, ArchiveCategory.Basic))
            return (visited, visit.Id, ArchiveCategory.Basic);   // 基础资料: visit reports
        if (recent.LastOf(me.AadObjectId) is { } number && await archive.Customers.GetAsync(number, ct) is { } opened
            && Enum.GetValues<ArchiveCategory>().Any(category => CustomerAccess.MayFileDocument(me, opened, category)))
            return (opened, null, CustomerAccess.MayFileDocument(me, opened, ArchiveCategory.Basic) ? ArchiveCategory.Basic : ArchiveCategory.Returns);
        return (null, null, ArchiveCategory.Basic);
    }

    /// <summary>One's own live files (the static choices for clients without typeahead) and the default's archive entries.</summary>
    public static async Task<FilingChoices> ChoicesAsync(Person me, ICrmArchive archive, Customer? customer, CancellationToken ct)
    {
        var customers = await VisitCustomers.ChoicesAsync(me, archive.Customers, customer, ct);
        var entries = customer is null ? [] : (await archive.Customers.GetFileAsync(customer.Number, ct))?.Entries ?? [];
        return new FilingChoices(customers, entries);
    }
}
