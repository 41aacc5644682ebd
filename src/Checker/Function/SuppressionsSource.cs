using Amazon.S3.Model;
using Amazon.SimpleSystemsManagement.Model;
using Compliance.Checker.Live;

namespace Compliance.Checker.Function;

/// <summary>
/// Reads the suppressions file named by COMPLIANCE_SUPPRESSIONS: "s3://bucket/key" (S3 GetObject) or an SSM parameter
/// name (GetParameter, decrypted). A source that cannot be read is an error the function reports, not "no suppressions":
/// silently dropping them would turn exempted findings into alerts and, worse, remediations.
/// </summary>
public static class SuppressionsSource
{
    /// <summary>The IAM actions reading needs (the S3 one or the SSM one, depending on the source; and kms:Decrypt for a SecureString).</summary>
    public static IReadOnlyList<string> RequiredActions { get; } = ["s3:GetObject", "ssm:GetParameter", "kms:Decrypt"];

    /// <summary>The file's text and a name for messages.</summary>
    /// <exception cref="InvalidOperationException">The source cannot be read; the message says which and why.</exception>
    public static async Task<(string Text, string Name)> ReadAsync(string source, AwsSession session, string region, CancellationToken cancellationToken)
    {
        try
        {
            if (source.StartsWith("s3://", StringComparison.Ordinal))
            {
                var path = source["s3://".Length..];
                var slash = path.IndexOf('/', StringComparison.Ordinal);
                if (slash <= 0 || slash == path.Length - 1)
                {
                    throw new InvalidOperationException($"COMPLIANCE_SUPPRESSIONS '{source}' is not s3://bucket/key.");
                }

                using var response = await session.S3(region).GetObjectAsync(new GetObjectRequest { BucketName = path[..slash], Key = path[(slash + 1)..] }, cancellationToken);
                using var reader = new StreamReader(response.ResponseStream);
                return (await reader.ReadToEndAsync(cancellationToken), source);
            }

            var parameter = await session.Ssm(region).GetParameterAsync(new GetParameterRequest { Name = source, WithDecryption = true }, cancellationToken);
            return (parameter.Parameter.Value, $"ssm:{source}");
        }
        catch (Exception ex) when (Live.Collection.CollectorContext.Classify(ex, cancellationToken) is { } failure)
        {
            throw new InvalidOperationException($"COMPLIANCE_SUPPRESSIONS '{source}' could not be read ({failure.Code}: {failure.Message}).", ex);
        }
    }
}
