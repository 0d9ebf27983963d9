using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Documents;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>
/// The customer card's documents (the five categories as folders) and how a document reads: kind, size, who, when. A reader
/// who sees the file in full, in their own chat, gets each one with Open (a signed link made for them) and Send me (the
/// file into their 1:1 chat through Teams' file consent); anywhere else only how many there are.
/// </summary>
public static class DocumentSection
{
    /// <summary>The verb of Send me; Features/Documents answers it.</summary>
    public const string SendVerb = "document.send";
    /// <summary>The verb of Remove, for those who may file documents there; asks before it removes.</summary>
    public const string RemoveVerb = "document.remove";
    /// <summary>The verb of Add document (a file) and Add photos (a visit): how to send one, the file made the default.</summary>
    public const string HowVerb = "document.how";
    /// <summary>The field of a document's records in the file's history (its title as the new value, or the old one when removed).</summary>
    public const string HistoryField = "document";
    const int PerCategory = 10;

    /// <param name="mayRemove">The reader may file documents there (the owner; customer service complaint records): Remove too.</param>
    public static void Full(Card card, CultureInfo c, TimeZoneInfo zone, IReadOnlyList<CustomerDocument> documents,
        IReadOnlyDictionary<string, string> names, Func<CustomerDocument, string> link, Func<CustomerDocument, bool> mayRemove)
    {
        card.Heading(T.Get(c, "documents.heading", documents.Count));
        if (documents.Count == 0)
        {
            card.Text(T.Get(c, "documents.none"), subtle: true);
            return;
        }
        foreach (var group in documents.GroupBy(d => d.Category ?? ArchiveCategory.Basic).OrderBy(g => g.Key))
        {
            card.Text($"**{CustomerText.Of(c, group.Key)}** ({group.Count()})");
            foreach (var d in group.Take(PerCategory))
                card.LinkItem(d.Title, Detail(c, zone, d, names.GetValueOrDefault(d.UploadedByAadObjectId, "?")),
                    T.Get(c, "documents.open"), link(d), new JsonObject { ["id"] = d.Id },
                    [(T.Get(c, "documents.sendMe"), SendVerb), .. mayRemove(d) ? [(T.Get(c, "documents.remove"), RemoveVerb)] : Array.Empty<(string, string)>()]);
            if (group.Count() > PerCategory) card.Text(T.Get(c, "customers.andMore", group.Count() - PerCategory), subtle: true);
        }
    }

    /// <summary>Where documents may not be shown (a redacted reader, a shared conversation): only that there are some.</summary>
    public static void Count(Card card, CultureInfo c, int count)
    {
        if (count > 0) card.Text(T.Get(c, "documents.countOnly", count), subtle: true);
    }

    public static string Size(CultureInfo c, long bytes) => bytes switch
    {
        < 1024 => T.Get(c, "documents.bytes", bytes),
        < 1024 * 1024 => T.Get(c, "documents.kilobytes", (bytes / 1024.0).ToString("0", c)),
        _ => T.Get(c, "documents.megabytes", (bytes / (1024.0 * 1024)).ToString("0.0", c)),
    };

    /// <summary>"PDF", "JPG": what people call a file by.</summary>
    public static string Kind(CustomerDocument d) => DocumentNames.Extension(d.OriginalName).TrimStart('.').ToUpperInvariant() is { Length: > 0 } k ? k : "—";

    public static string Detail(CultureInfo c, TimeZoneInfo zone, CustomerDocument d, string uploaderName) =>
        $"{Kind(d)} · {Size(c, d.Size)} · {uploaderName} · {CustomerText.Time(d.UploadedAt, zone)}";
}
