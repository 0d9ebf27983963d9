using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Turns;
using TeamsCrm.BotFramework.Auth;
using TeamsCrm.BotFramework.Connector;
using TeamsCrm.BotFramework.Schema;

namespace TeamsCrm.Bot.Teams;

/// <summary>
/// The files of a message, as Teams sends them to a bot that declares supportsFiles: a document as a
/// <c>file.download.info</c> attachment (a short-lived pre-authenticated <c>downloadUrl</c>), a picture as an inline
/// <c>image/*</c> attachment whose <c>contentUrl</c> needs the bot's own token — fetched only from the host the activity came
/// from (the token handler also sends it only to hosts of authenticated activities). Anything else (the text/html copy of
/// the message, cards) is not a file.
/// </summary>
public sealed class IncomingFiles(FileTransfers transfers, ConnectorClient connector, TimeProvider clock)
{
    public const string DownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    public IReadOnlyList<IncomingFile> Of(Activity activity)
    {
        var files = new List<IncomingFile>();
        var photos = 0;
        foreach (var a in activity.Attachments ?? [])
        {
            if (a?.ContentType is not { } type) continue;
            if (type == DownloadInfo && Text(a.Content, "downloadUrl") is { } download && Uri.TryCreate(download, UriKind.Absolute, out var url))
            {
                var fileType = Text(a.Content, "fileType");
                var name = a.Name is { Length: > 0 } n ? n : "file" + (fileType is { Length: > 0 } ft ? "." + ft : "");
                files.Add(new IncomingFile(name, ContentTypes.Of(name), ct => transfers.OpenAsync(url, ct)));
            }
            else if (type.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(a.ContentUrl, UriKind.Absolute, out var picture)
                && SameHost(picture, activity.ServiceUrl))
            {
                photos++;
                var extension = ContentTypes.ExtensionOf(type) ?? ".jpg";
                var name = a.Name is { Length: > 0 } given ? given
                    : $"photo-{clock.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{photos}{extension}";
                files.Add(new IncomingFile(name, type == "image/*" ? ContentTypes.Of(name) : type, ct => FromConnectorAsync(picture, ct)));
            }
        }
        return files;
    }

    /// <summary>Features see a download that failed, not the connector's own exceptions (they know no protocol types).</summary>
    async Task<Stream> FromConnectorAsync(Uri picture, CancellationToken ct)
    {
        try
        {
            return await connector.DownloadAsync(picture, ct);
        }
        catch (Exception e) when (e is ConnectorException or UntrustedServiceUrlException)
        {
            throw new IOException($"The picture could not be fetched: {e.Message}", e);
        }
    }

    static bool SameHost(Uri url, string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var service)
        && string.Equals(url.Scheme, service.Scheme, StringComparison.OrdinalIgnoreCase) && string.Equals(url.Authority, service.Authority, StringComparison.OrdinalIgnoreCase);

    static string? Text(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
