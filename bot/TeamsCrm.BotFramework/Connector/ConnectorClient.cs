using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TeamsCrm.BotFramework.Schema;

namespace TeamsCrm.BotFramework.Connector;

/// <summary>
/// The Bot Connector REST API (v3), relative to the serviceUrl of the conversation. A typed HttpClient:
/// the token handler and the retry handler sit in its pipeline.
/// </summary>
public sealed class ConnectorClient(HttpClient http)
{
    public Task<ResourceResponse> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct = default) =>
        SendJsonAsync<ResourceResponse>(HttpMethod.Post, Url(serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities"), activity, conversationId, ct);

    public Task<ResourceResponse> ReplyAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken ct = default) =>
        SendJsonAsync<ResourceResponse>(HttpMethod.Post, Url(serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(replyToId)}"), activity, conversationId, ct);

    /// <summary>Replaces a message the bot sent earlier; the body is the whole new activity.</summary>
    public Task<ResourceResponse> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct = default) =>
        SendJsonAsync<ResourceResponse>(HttpMethod.Put, Url(serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}"), activity, conversationId, ct);

    public async Task DeleteAsync(string serviceUrl, string conversationId, string activityId, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, Url(serviceUrl, $"v3/conversations/{Esc(conversationId)}/activities/{Esc(activityId)}"));
        using var response = await http.SendAsync(request, ct);
        await EnsureSuccessAsync(response, conversationId, ct);
    }

    /// <summary>Starts a conversation (proactive 1:1, or a new post in a channel).</summary>
    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken ct = default) =>
        SendJsonAsync<ConversationResourceResponse>(HttpMethod.Post, Url(serviceUrl, "v3/conversations"), parameters, conversationId: null, ct);

    public async Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize = 100, string? continuationToken = null, CancellationToken ct = default)
    {
        var query = $"?pageSize={pageSize}" + (continuationToken is null ? "" : $"&continuationToken={Uri.EscapeDataString(continuationToken)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(serviceUrl, $"v3/conversations/{Esc(conversationId)}/pagedmembers{query}"));
        using var response = await http.SendAsync(request, ct);
        await EnsureSuccessAsync(response, conversationId, ct);
        return await response.Content.ReadFromJsonAsync<PagedMembersResult>(BotJson.Options, ct) ?? new PagedMembersResult();
    }

    /// <summary>The channels of a team the app is installed in (GET /v3/teams/{teamId}/conversations).</summary>
    public async Task<IReadOnlyList<ChannelInfo>> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(serviceUrl, $"v3/teams/{Esc(teamId)}/conversations"));
        using var response = await http.SendAsync(request, ct);
        await EnsureSuccessAsync(response, teamId, ct);
        return (await response.Content.ReadFromJsonAsync<ConversationList>(BotJson.Options, ct))?.Conversations ?? [];
    }

    /// <summary>Every member of a conversation, following continuation tokens.</summary>
    public async IAsyncEnumerable<ChannelAccount> GetAllMembersAsync(string serviceUrl, string conversationId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        string? token = null;
        do
        {
            var page = await GetPagedMembersAsync(serviceUrl, conversationId, 100, token, ct);
            foreach (var member in page.Members) yield return member;
            token = string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken;
        } while (token is not null);
    }

    /// <summary>
    /// Content Teams keeps for the bot (a picture pasted or taken in a chat: its attachment's contentUrl), fetched with the
    /// bot's token, which the token handler sends only to hosts of authenticated activities. Streamed: the caller disposes it.
    /// </summary>
    public async Task<Stream> DownloadAsync(Uri url, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        try
        {
            await EnsureSuccessAsync(response, conversationId: null, ct);
            return new ResponseStream(await response.Content.ReadAsStreamAsync(ct), response);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    async Task<T> SendJsonAsync<T>(HttpMethod method, Uri url, object body, string? conversationId, CancellationToken ct) where T : new()
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, body.GetType(), options: BotJson.Options) };
        // Buffer the body so that the retry handler can send it again.
        await request.Content.LoadIntoBufferAsync(ct);
        using var response = await http.SendAsync(request, ct);
        await EnsureSuccessAsync(response, conversationId, ct);
        if (response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.Accepted || response.Content.Headers.ContentLength == 0)
            return new T();   // e.g. the Agents Playground answers 202 without an id when it splits text and card
        try { return await response.Content.ReadFromJsonAsync<T>(BotJson.Options, ct) ?? new T(); }
        catch (JsonException) { return new T(); }
    }

    static async Task EnsureSuccessAsync(HttpResponseMessage response, string? conversationId, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(ct);
        var code = ConnectorError.CodeOf(body);
        if (response.StatusCode == HttpStatusCode.Forbidden && code == ConnectorError.MessageWritesBlocked)
            throw new MessageWritesBlockedException(conversationId, body);
        throw new ConnectorException(response.StatusCode, code, body);
    }

    static Uri Url(string serviceUrl, string relative) => new(new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/"), relative);

    static string Esc(string segment) => Uri.EscapeDataString(segment);
}
