namespace TeamsCrm.Bot.Domain.Documents;

/// <summary>
/// What receiving and filing make of a document, the same in every store: a received document waits unfiled under its
/// sanitised name; filing places it, and filing it again with the same placement is no change at all.
/// </summary>
public static class DocumentFiling
{
    /// <summary>SharePoint's single line of text: a title longer than this is cut.</summary>
    public const int MaxTitleLength = 255;

    /// <summary>A document as it arrives: unfiled, its name sanitised, its size and SHA-256 those the store measured.</summary>
    public static CustomerDocument Received(CustomerDocument received, long size, string sha256)
    {
        var name = DocumentNames.Sanitise(received.OriginalName);
        return received with
        {
            CustomerNumber = null, Category = null, FiledAt = null, OriginalName = name, Title = TitleOr(received.Title, name),
            Size = size, ContentHash = sha256,
        };
    }

    /// <summary>The document filed as the person chose. Its first filing time is kept unless it moves to another customer.</summary>
    public static CustomerDocument Filed(CustomerDocument document, DocumentPlacement placement, DateTimeOffset at) => document with
    {
        CustomerNumber = placement.CustomerNumber, Category = placement.Category, Title = TitleOr(placement.Title, document.Title),
        EntryId = Blank(placement.EntryId), VisitId = Blank(placement.VisitId),
        FiledAt = document.CustomerNumber == placement.CustomerNumber ? document.FiledAt ?? at : at,
    };

    /// <summary>Filed so already: filing it again changes nothing.</summary>
    public static bool IsFiledAs(CustomerDocument document, DocumentPlacement placement) =>
        document.IsFiled && Filed(document, placement, document.FiledAt ?? default) == document;

    static string TitleOr(string? title, string fallback)
    {
        var text = string.IsNullOrWhiteSpace(title) ? fallback : title.Trim();
        return text.Length <= MaxTitleLength ? text : text[..MaxTitleLength];
    }

    static string? Blank(string? id) => string.IsNullOrWhiteSpace(id) ? null : id;
}
