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
        // Checked when the host starts (a bad value stops it there, naming the setting), not at the first message.
        services.AddOptions<BotAuthOptions>().Bind(configuration.GetSection(BotAuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotAuthOptions>, BotAuthOptionsValidation>();
        services.AddOptions<ConnectorRetryOptions>().Bind(configuration.GetSection(ConnectorRetryOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConnectorRetryOptions>, ConnectorRetryOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<ActivityDeduplicator>();
        services.TryAddSingleton<IRedeliveryLedger>(sp => sp.GetRequiredService<ActivityDeduplicator>());   // the app may share one across instances
        services.AddSingleton<BotTokenValidator>();
        services.AddHttpClient(nameof(OpenIdKeyProvider));
        services.AddSingleton<OpenIdKeyProvider>();

        services.AddSingleton(sp => ConnectorCredential.From(sp.GetRequiredService<IOptions<BotAuthOptions>>().Value));
        // The retry handler keeps each call's deadline on the app's clock; this real-time limit is only a backstop behind it.
        services.AddHttpClient<ConnectorClient>((sp, c) => c.Timeout = sp.GetRequiredService<IOptions<ConnectorRetryOptions>>().Value.CallTimeout + TimeSpan.FromSeconds(5))
            // Outermost first: each retry goes through the token handler again (the token is cached there).
            .AddHttpMessageHandler(sp => new ConnectorRetryHandler(
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<ConnectorRetryOptions>>().Value))
            .AddHttpMessageHandler(sp => new ConnectorTokenHandler(
                sp.GetRequiredService<ConnectorCredential>().Value, sp.GetRequiredService<TrustedServiceUrls>()));
        return services;
    }
}
