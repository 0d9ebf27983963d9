using System.Text.Json.Nodes;

namespace TeamsCrm.Bot.Tests.Documents;

/// <summary>
/// Messages with files, shaped as Teams sends them to a bot with supportsFiles: a document as a
/// <c>file.download.info</c> attachment (its pre-authenticated downloadUrl served by the fake connector), a picture as an
/// inline <c>image/*</c> attachment on the connector's host (the bot's token needed), and the text/html copy of the message
/// Teams adds, which is not a file.
/// </summary>
public static class DocumentMessages
{
    public static readonly byte[] Pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

    public static JsonObject WithFile(this JsonObject message, string name, Uri downloadUrl)
    {
        Attachments(message).Add(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
            ["contentUrl"] = "https://contoso.sharepoint.com/personal/li_na/Documents/Microsoft Teams Chat Files/" + name,
            ["name"] = name,
            ["content"] = new JsonObject
            {
                ["downloadUrl"] = downloadUrl.ToString(), ["uniqueId"] = Guid.NewGuid().ToString("D"),
                ["fileType"] = Path.GetExtension(name).TrimStart('.'),
            },
        });
        return message;
    }

    public static JsonObject WithPhoto(this JsonObject message, Uri contentUrl)
    {
        Attachments(message).Add(new JsonObject { ["contentType"] = "image/*", ["contentUrl"] = contentUrl.ToString() });
        return message;
    }

    /// <summary>Teams sends the message's own text again as text/html beside the files: never a file.</summary>
    public static JsonObject WithHtmlCopy(this JsonObject message)
    {
        Attachments(message).Add(new JsonObject { ["contentType"] = "text/html", ["content"] = "<p>see attached</p>" });
        return message;
    }

    /// <summary>The data an Action.Execute button carries, with the card's inputs as a client would send them.</summary>
    public static JsonObject Press(JsonObject card, string verb, params (string Id, string Value)[] typed)
    {
        var action = Actions(card).First(a => (string?)a["verb"] == verb);
        var data = (JsonObject)action["data"]!.DeepClone();
        foreach (var input in Inputs(card)) if ((string?)input["value"] is { } value) data[(string)input["id"]!] = value;
        foreach (var (id, value) in typed) data[id] = value;
        return data;
    }

    public static IEnumerable<JsonObject> Actions(JsonNode card) => Walk(card).Where(o => o["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
        && ((string?)o["type"])!.StartsWith("Action.", StringComparison.Ordinal));

    public static IEnumerable<JsonObject> Inputs(JsonNode card) => Walk(card).Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);

    static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (key, child) in o)
                    if (key != "fallback") foreach (var inner in Walk(child)) yield return inner;
                break;
            case JsonArray a:
                foreach (var child in a) foreach (var inner in Walk(child)) yield return inner;
                break;
        }
    }

    static JsonArray Attachments(JsonObject message) => message["attachments"] as JsonArray ?? (JsonArray)(message["attachments"] = new JsonArray());
}
