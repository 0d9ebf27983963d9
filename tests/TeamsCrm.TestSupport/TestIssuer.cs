using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TeamsCrm.TestSupport;

/// <summary>
/// Plays the Bot Framework's token service: serves OpenID metadata and a JWKS (with <c>endorsements</c>) on
/// loopback and signs real RS256 tokens with a test key. Nothing here is a secret: the keys live only in memory.
/// The metadata endpoint can be made to fail or to hang (<see cref="Metadata"/>), and counts every request.
/// </summary>
public sealed class TestIssuer : IAsyncDisposable
{
    public enum MetadataAnswer { Serve, Fail, Hang }

    public const string Issuer = "https://api.botframework.com";
    public const string KeyId = "test-key-1";
    public const string UnendorsedKeyId = "test-key-unendorsed";

    readonly WebApplication _app;
    readonly RSA _key = RSA.Create(2048);
    readonly RSA _unendorsedKey = RSA.Create(2048);
    TaskCompletionSource _nextMetadataRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public Uri MetadataUrl { get; private set; } = null!;
    public int MetadataRequests;
    /// <summary>How the metadata endpoint answers: normally, 503, or not at all (until the caller gives up).</summary>
    public volatile MetadataAnswer Metadata = MetadataAnswer.Serve;

    TestIssuer(WebApplication app) => _app = app;

    public static async Task<TestIssuer> StartAsync()
    {
        var issuer = new TestIssuer(Loopback.CreateServer());
        issuer._app.MapGet("/v1/.well-known/openidconfiguration", async (HttpContext ctx) =>
        {
            Interlocked.Increment(ref issuer.MetadataRequests);
            Interlocked.Exchange(ref issuer._nextMetadataRequest, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            switch (issuer.Metadata)
            {
                case MetadataAnswer.Fail: return Results.StatusCode(503);
                case MetadataAnswer.Hang:
                    try { await Task.Delay(Timeout.Infinite, ctx.RequestAborted); } catch (OperationCanceledException) { }
                    return Results.Empty;
            }
            return Results.Json(new JsonObject
            {
                ["issuer"] = Issuer,
                ["jwks_uri"] = $"{ctx.Request.Scheme}://{ctx.Request.Host}/v1/.well-known/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            });
        });
        issuer._app.MapGet("/v1/.well-known/keys", () => Results.Json(new JsonObject
        {
            ["keys"] = new JsonArray(Jwk(issuer._key, KeyId, "msteams"), Jwk(issuer._unendorsedKey, UnendorsedKeyId, "webchat")),
        }));
        var root = await Loopback.StartAsync(issuer._app);
        issuer.MetadataUrl = new Uri(root, "v1/.well-known/openidconfiguration");
        return issuer;
    }

    /// <summary>
    /// Completes at the next request to the metadata endpoint: take it before doing what should ask. The 30-second limit
    /// only keeps a broken test from hanging the run.
    /// </summary>
    public Task NextMetadataRequest => Volatile.Read(ref _nextMetadataRequest).Task.WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>A token as the Bot Connector sends it; each parameter can be bent to make a bad one.</summary>
    public string Token(string audience, string serviceUrl, string issuer = Issuer, DateTimeOffset? now = null,
        TimeSpan? lifetime = null, string keyId = KeyId, bool forgeSignature = false)
    {
        var issuedAt = now ?? DateTimeOffset.UtcNow;
        var signingRsa = forgeSignature ? RSA.Create(2048) : keyId == UnendorsedKeyId ? _unendorsedKey : _key;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = (issuedAt + (lifetime ?? TimeSpan.FromHours(1))).UtcDateTime,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signingRsa) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    static JsonObject Jwk(RSA rsa, string kid, string channel)
    {
        var p = rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA", ["use"] = "sig", ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            ["endorsements"] = new JsonArray(channel),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Dispose();
        _unendorsedKey.Dispose();
    }
}
