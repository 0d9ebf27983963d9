using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TeamsCrm.BotFramework.Auth;
using TeamsCrm.BotFramework.Connector;

namespace TeamsCrm.BotFramework.Hosting;

public static class BotFrameworkServices
{
    /// <summary>Inbound auth, deduplication and the outbound connector client, configured from the "Bot" section.</summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BotAuthOptions>(configuration.GetSection(BotAuthOptions.Section));
        services.AddSingleton<IValidateOptions<BotAuthOptions>, BotAuthOptionsValidation>();
        services.Configure<ConnectorRetryOptions>(configuration.GetSection("Bot:ConnectorRetry"));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<ActivityDeduplicator>();
        services.AddSingleton<BotTokenValidator>();
        services.AddHttpClient(nameof(OpenIdKeyProvider));
        services.AddSingleton<OpenIdKeyProvider>();

        services.AddSingleton(sp => ConnectorCredential.From(sp.GetRequiredService<IOptions<BotAuthOptions>>().Value));
        services.AddHttpClient<ConnectorClient>(c => c.Timeout = TimeSpan.FromSeconds(30))
            // Outermost first: each retry goes through the token handler again (the token is cached there).
            .AddHttpMessageHandler(sp => new ConnectorRetryHandler(
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<ConnectorRetryOptions>>().Value))
            .AddHttpMessageHandler(sp => new ConnectorTokenHandler(
                sp.GetRequiredService<ConnectorCredential>().Value, sp.GetRequiredService<TrustedServiceUrls>()));
        return services;
    }
}
