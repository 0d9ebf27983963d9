using Azure.Core;
using TeamsCrm.BotFramework.Auth;
using TeamsCrm.BotFramework.Connector;
using TeamsCrm.TestSupport;

namespace TeamsCrm.BotFramework.Tests.Connector;

/// <summary>
/// A <see cref="ConnectorClient"/> wired as the bot wires it (retry handler outside, token handler inside) and
/// pointed at a <see cref="FakeConnector"/>.
/// </summary>
sealed class ConnectorHarness : IAsyncDisposable
{
    public const string Token = "harness-token";
    readonly HttpClient _http;

    public FakeConnector Fake { get; }
    public TrustedServiceUrls Trusted { get; }
    public ConnectorClient Client { get; }
    public string Url => Fake.ServiceUrl.ToString();

    ConnectorHarness(FakeConnector fake, TrustedServiceUrls trusted, HttpClient http) =>
        (Fake, Trusted, _http, Client) = (fake, trusted, http, new ConnectorClient(http));

    /// <param name="clock">The retry handler's clock; the system clock with a 1 ms backoff base when not given.</param>
    /// <param name="withCredential">Send a bearer token (and so require a trusted serviceUrl), as in production.</param>
    public static async Task<ConnectorHarness> StartAsync(TimeProvider? clock = null, int maxRetries = 3, bool withCredential = false)
    {
        var fake = await FakeConnector.StartAsync();
        var trusted = new TrustedServiceUrls(clock ?? TimeProvider.System);
        var options = new ConnectorRetryOptions { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(1) };
        var pipeline = new ConnectorRetryHandler(clock ?? TimeProvider.System, options)
        {
            InnerHandler = new ConnectorTokenHandler(withCredential ? new FixedCredential() : null, trusted) { InnerHandler = new SocketsHttpHandler() },
        };
        return new ConnectorHarness(fake, trusted, new HttpClient(pipeline));
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Fake.DisposeAsync();
    }

    sealed class FixedCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(Token, DateTimeOffset.UtcNow.AddHours(1));
        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
