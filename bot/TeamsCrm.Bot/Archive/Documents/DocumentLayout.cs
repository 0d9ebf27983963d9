using System.Text.RegularExpressions;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Documents;

namespace TeamsCrm.Bot.Archive.Documents;

/// <summary>
/// Where documents sit, the same in the SharePoint library and the local folder: <c>C-2026-00042/2 Contracts &amp;
/// orders/contract.pdf</c> once filed, <c>Inbox/{uploader's Entra object id}/scan.pdf</c> while they wait to be filed.
/// Two files of the same name in one folder are both kept, the later one numbered as SharePoint numbers it
/// ("contract 1.pdf", "contract 2.pdf"); names compare without case, as SharePoint's do.
/// </summary>
public static partial class DocumentLayout
{
    public const string InboxFolder = "Inbox";

    /// <summary>The regulations' five categories, numbered so that a folder listing shows them in their order.</summary>
    public static string FolderOf(ArchiveCategory category) => category switch
    {
        ArchiveCategory.Basic => "1 Basic",
        ArchiveCategory.Contracts => "2 Contracts & orders",
        ArchiveCategory.Credit => "3 Credit & repayments",
        ArchiveCategory.Trade => "4 Trade",
        ArchiveCategory.Returns => "5 Returns, discounts & complaints",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Not an archive category."),
    };

    /// <summary>The customer's folder: its number, which is also what the purge removes.</summary>
    public static string CustomerFolder(string customerNumber) => Segment(customerNumber, nameof(customerNumber));

    public static string CategoryFolder(string customerNumber, ArchiveCategory category) => $"{CustomerFolder(customerNumber)}/{FolderOf(category)}";

    /// <summary>Entra object ids are GUIDs that compare without case: one folder per person, in lower case.</summary>
    public static string InboxOf(string uploaderAadObjectId) => $"{InboxFolder}/{Segment(uploaderAadObjectId, nameof(uploaderAadObjectId)).ToLowerInvariant()}";

    /// <summary>The folder a document belongs in now: its category folder once filed, else its uploader's inbox.</summary>
    public static string FolderFor(CustomerDocument document) => document is { CustomerNumber: { } number, Category: { } category }
        ? CategoryFolder(number, category)
        : InboxOf(document.UploadedByAadObjectId);

    /// <summary>The file's name in the store: the sanitised original name.</summary>
    public static string FileName(CustomerDocument document) => DocumentNames.Sanitise(document.OriginalName);

    /// <summary>The n-th other file of the same name: "contract.pdf" → "contract 1.pdf" (SharePoint's rename on conflict).</summary>
    public static string Numbered(string name, int n)
    {
        var extension = DocumentNames.Extension(name).Length;
        return $"{name[..^extension]} {n}{name[^extension..]}";
    }

    /// <summary>
    /// Customer numbers and Entra object ids become folder names: only letters, digits and dashes pass, so that no value
    /// can reach outside its folder (no "..", no slash) or name something SharePoint refuses.
    /// </summary>
    static string Segment(string value, string what) =>
        SafeSegment().IsMatch(value) ? value : throw new ArgumentException($"'{value}' cannot name a document folder.", what);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,63}$")]
    private static partial Regex SafeSegment();
}
