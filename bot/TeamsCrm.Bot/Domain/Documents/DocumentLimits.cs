namespace TeamsCrm.Bot.Domain.Documents;

/// <summary>What a person may send into a customer's folder (Documents:* in configuration).</summary>
public sealed class DocumentLimits
{
    public const string Section = "Documents";
    /// <summary>The largest file kept (50 MB): a signed contract scan or a phone photo is far below it.</summary>
    public long MaxBytes { get; set; } = 50L * 1024 * 1024;
    /// <summary>Extensions kept, without the dot.</summary>
    public List<string> AllowedTypes { get; set; } = ["pdf", "jpg", "jpeg", "png", "heic", "docx", "xlsx", "csv", "pptx", "txt"];
    public int MaxFilesPerMessage { get; set; } = 10;
    /// <summary>How long a received file waits for its Save before the hourly clean-up removes it.</summary>
    public TimeSpan InboxLifetime { get; set; } = TimeSpan.FromDays(1);

    public bool Allows(string extension) => AllowedTypes.Contains(extension.TrimStart('.'), StringComparer.OrdinalIgnoreCase);
}
