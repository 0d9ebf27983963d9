using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace TeamsCrm.E2E.Tests;

/// <summary>
/// Drives the playground the way its own browser UI does, without a browser: HTTP calls for what the person
/// types or clicks, and the conversation WebSocket for what the UI would render. One test, one waiter at a time.
/// </summary>
public sealed class PlaygroundClient : IAsyncDisposable
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(20);
    readonly HttpClient _http;
    readonly ClientWebSocket _socket;
    readonly Func<string> _diagnostics;
    readonly Channel<PlaygroundMessage> _incoming = Channel.CreateUnbounded<PlaygroundMessage>();
    readonly List<PlaygroundMessage> _unclaimed = [];   // arrived while waiting for something else
    readonly List<string> _seen = [];                   // every event, for failure messages
    readonly CancellationTokenSource _stop = new();
    readonly Task _receiving;

    PlaygroundClient(Uri baseUrl, ClientWebSocket socket, Func<string> diagnostics)
    {
        (_socket, _diagnostics) = (socket, diagnostics);
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        _receiving = Task.Run(ReceiveAsync);
    }

    /// <summary>
    /// Connect before sending anything: messages produced while no socket is connected are buffered and
    /// handed to whichever client connects first, so a late socket would see a muddle of old events.
    /// </summary>
    public static async Task<PlaygroundClient> ConnectAsync(Uri baseUrl, Func<string> diagnostics)
    {
        var socket = new ClientWebSocket();
        var url = new UriBuilder(baseUrl) { Scheme = "ws", Path = "_ws_conversation/v1/conversations/stream" }.Uri;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(url, timeout.Token);
        return new PlaygroundClient(baseUrl, socket, diagnostics);
    }

    /// <summary>The person types <paramref name="text"/>. The playground answers at once; the bot's reply comes on the socket.</summary>
    public Task SayAsync(string conversationId, string fromId, string text) =>
        PostAsync($"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages",
            new JsonObject { ["from"] = new JsonObject { ["id"] = fromId }, ["text"] = text, ["textFormat"] = "plain" });

    /// <summary>
    /// The person @mentions the bot in a group chat or channel, where the bot hears only messages that mention it:
    /// the text starts with the &lt;at&gt; tag, as the playground's own UI writes it.
    /// </summary>
    /// <returns>The playground's answer; in a channel its postConversationId is the thread the post started.</returns>
    public Task<JsonObject> MentionAsync(string conversationId, string fromId, string botId, string botName, string text)
    {
        var tag = $"<at>{botName}</at>";
        return PostAsync($"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = fromId },
            ["text"] = $"{tag} {text}",
            ["textFormat"] = "plain",
            ["mentions"] = new JsonArray(new JsonObject { ["mentioned"] = new JsonObject { ["id"] = botId }, ["text"] = tag }),
        });
    }

    /// <summary>An Action.Execute click: the playground sends invoke adaptiveCard/action and returns the bot's invoke response.</summary>
    /// <param name="trigger">"automatic" for a card's refresh, as Teams sends it; a click's is left out, as the playground's UI does.</param>
    public Task<JsonObject> ExecuteAsync(string conversationId, string fromId, string cardMessageId, CardButton button, string? trigger = null)
    {
        var value = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = button.Verb, ["data"] = button.Data.DeepClone() } };
        if (trigger is not null) value["trigger"] = trigger;
        return PostAsync("_conversation/v1/invoke", new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = fromId },
            ["replyToId"] = cardMessageId,
            ["value"] = value,
        });
    }

    /// <summary>
    /// A search in the compose box's message extension: the playground (0.2.28) forwards composeExtension/query to the bot and
    /// returns its invoke response. It does not send composeExtension/selectItem (choosing a result), which is not in its API.
    /// </summary>
    public Task<JsonObject> ComposeQueryAsync(string conversationId, string fromId, string commandId, string query) =>
        PostAsync("_conversation/v1/invoke", new JsonObject
        {
            ["name"] = "composeExtension/query",
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = fromId },
            ["value"] = new JsonObject
            {
                ["commandId"] = commandId,
                ["parameters"] = new JsonArray(new JsonObject { ["name"] = "searchKeyword", ["value"] = query }),
                ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
            },
        });

    /// <summary>A link pasted into the compose box: the playground forwards composeExtension/queryLink and returns the bot's answer.</summary>
    public Task<JsonObject> ComposeLinkAsync(string conversationId, string fromId, string url) =>
        PostAsync("_conversation/v1/invoke", new JsonObject
        {
            ["name"] = "composeExtension/queryLink",
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = fromId },
            ["value"] = new JsonObject { ["url"] = url },
        });

    /// <summary>
    /// A message extension's action invoke (composeExtension/fetchTask or submitAction) through the playground's API, which
    /// forwards it and returns the bot's answer (the playground has no message menu to choose "Log as visit" from).
    /// </summary>
    public Task<JsonObject> MessageActionAsync(string name, string conversationId, string fromId, JsonObject value) =>
        PostAsync("_conversation/v1/invoke", new JsonObject
        {
            ["name"] = name,
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = fromId },
            ["value"] = value,
        });

    /// <summary>An Action.Submit click (the fallback of every button): a message whose value is the submit data.</summary>
    public Task<JsonObject> SubmitAsync(string conversationId, string fromId, string cardMessageId, CardButton button) =>
        PostAsync("_conversation/v1/submit", new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = fromId },
            ["replyToId"] = cardMessageId,
            ["value"] = button.SubmitData.DeepClone(),
        });

    /// <summary>The first createMessage/updateMessage (since the last claimed one) that matches, within <see cref="DefaultWait"/>.</summary>
    public async Task<PlaygroundMessage> WaitForAsync(string what, Func<PlaygroundMessage, bool> match)
    {
        if (_unclaimed.FirstOrDefault(match) is { } earlier)
        {
            _unclaimed.Remove(earlier);
            return earlier;
        }
        using var timeout = new CancellationTokenSource(DefaultWait);
        try
        {
            while (true)
            {
                var message = await _incoming.Reader.ReadAsync(timeout.Token);
                if (match(message)) return message;
                _unclaimed.Add(message);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"No {what} within {DefaultWait.TotalSeconds} s.\n{Seen()}\n{_diagnostics()}");
        }
        catch (ChannelClosedException e)
        {
            throw new InvalidOperationException($"The playground's WebSocket closed while waiting for {what}.\n{Seen()}\n{_diagnostics()}", e);
        }
    }

    async Task<JsonObject> PostAsync(string path, JsonObject body)
    {
        using var response = await _http.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"POST {path} → {(int)response.StatusCode}: {text}\n{_diagnostics()}");
        // /submit answers 200 with an empty body; /messages with {messageId, timestamp}; /invoke with the invoke response.
        return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? throw new InvalidDataException($"POST {path} answered {text}");
    }

    async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) break;
                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;   // cards are long: one event may span several frames
                var json = Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length);
                frame.SetLength(0);
                lock (_seen) _seen.Add(json);
                if (PlaygroundMessage.TryParse(json) is { } message) _incoming.Writer.TryWrite(message);
            }
            _incoming.Writer.TryComplete();
        }
        catch (Exception e)
        {
            // Socket gone (playground exited) or an unreadable event: the waiter sees it instead of a bare timeout.
            _incoming.Writer.TryComplete(e is OperationCanceledException ? null : e);
        }
    }

    string Seen()
    {
        lock (_seen)
            return _seen.Count == 0 ? "The WebSocket received nothing." : "The WebSocket received:\n" + string.Join("\n", _seen.Select(Describe));
    }

    /// <summary>One line per event: action, id and what a person would see first, or the raw JSON's start.</summary>
    static string Describe(string json)
    {
        if (PlaygroundMessage.TryParse(json) is not { } m) return json.Length > 300 ? json[..300] + "…" : json;
        var content = m.Card is not null ? $"card \"{m.CardTitle}\"" : $"text \"{m.Text}\"";
        return $"  {m.Action} {m.MessageId} in {m.ConversationId} from {m.FromId}: {content}";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _receiving;
        _socket.Abort();   // no close handshake: the playground is about to be killed anyway
        _socket.Dispose();
        _http.Dispose();
        _stop.Dispose();
    }
}
