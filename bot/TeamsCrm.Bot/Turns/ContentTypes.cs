namespace TeamsCrm.Bot.Turns;

/// <summary>The few content types a customer's documents come in, by extension (what a download is served as).</summary>
public static class ContentTypes
{
    static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".png"] = "image/png", [".heic"] = "image/heic",
        [".gif"] = "image/gif", [".txt"] = "text/plain", [".csv"] = "text/csv",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    };

    public static string Of(string name) =>
        ByExtension.TryGetValue(Path.GetExtension(name), out var type) ? type : "application/octet-stream";

    public static string? ExtensionOf(string contentType) => contentType.ToLowerInvariant() switch
    {
        "image/jpeg" or "image/jpg" => ".jpg",
        "image/png" => ".png",
        "image/heic" or "image/heif" => ".heic",
        "image/gif" => ".gif",
        _ => null,
    };
}
