using System.Net;

namespace TeamsCrm.BotFramework.Hosting;

/// <summary>In local mode nothing checks who is calling, so the bot may only listen where nobody else can reach it.</summary>
public static class LoopbackGuard
{
    public static void EnsureLoopbackOnly(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            if (!IsLoopbackUrl(url))
                throw new InvalidOperationException(
                    $"Local mode (no Bot:AppId) listens on loopback only, but '{url}' was configured. " +
                    "Set Bot:AppId (and its credential) to listen on other addresses.");
        }
    }

    public static bool IsLoopbackUrl(string url)
    {
        // "http://*:80" and "http://+:80" are not parseable as URIs; they bind every interface.
        var host = url.Split("://", 2) is [_, var rest] ? rest.Split('/')[0] : url;
        host = host.StartsWith('[') ? host[..(host.IndexOf(']') + 1)] : host.Split(':')[0];
        if (host is "*" or "+" or "") return false;
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }
}
