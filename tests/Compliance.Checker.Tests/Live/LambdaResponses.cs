using System.Net;
using System.Text;

namespace Compliance.Checker.Tests.Live;

/// <summary>Lambda restJson1 bodies, shaped as the Lambda API reference's response syntax shows them.</summary>
internal static class LambdaResponses
{
    public const string Account = "123456789012";
    public const string Key = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    public static string Arn(string name) => $"arn:aws:lambda:eu-west-1:{Account}:function:{name}";

    /// <summary>A FunctionConfiguration in a VPC with variables and a customer managed key (ListFunctions returns it for $LATEST).</summary>
    public static string VpcFunction(string name) => $$"""
        {
          "FunctionName": "{{name}}", "FunctionArn": "{{Arn(name)}}", "Runtime": "dotnet10",
          "Role": "arn:aws:iam::123456789012:role/{{name}}-role", "Handler": "Api::Api.Function::Handle", "CodeSize": 5021234,
          "Description": "", "Timeout": 30, "MemorySize": 1024, "LastModified": "2026-11-20T09:12:44.000+0000",
          "CodeSha256": "YFgDgEKG3ugvF1+pX64gV6tu9qNuIYNUdgJm8nCxsSk=", "Version": "$LATEST",
          "VpcConfig": { "SubnetIds": ["subnet-0a1b2c3d000000010", "subnet-0a1b2c3d000000011"], "SecurityGroupIds": ["sg-0a1b2c3d000000020"],
                         "VpcId": "vpc-0a1b2c3d000000001", "Ipv6AllowedForDualStack": false },
          "Environment": { "Variables": { "TABLE_NAME": "payments-audit", "DB_SECRET_ARN": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf" } },
          "KMSKeyArn": "{{Key}}", "TracingConfig": { "Mode": "Active" }, "RevisionId": "4b5c2a8e-2f6d-4f2e-9e41-7d0b1c3a5e6f",
          "PackageType": "Zip", "Architectures": ["arm64"], "EphemeralStorage": { "Size": 512 },
          "SnapStart": { "ApplyOn": "None", "OptimizationStatus": "Off" }, "LoggingConfig": { "LogFormat": "JSON", "LogGroup": "/aws/lambda/{{name}}" }
        }
        """;

    /// <summary>A function outside any VPC, on the default key, with no environment (the members ListFunctions then omits).</summary>
    public static string PlainFunction(string name) => $$"""
        {
          "FunctionName": "{{name}}", "FunctionArn": "{{Arn(name)}}", "Runtime": "python3.9",
          "Role": "arn:aws:iam::123456789012:role/{{name}}-role", "Handler": "app.handler", "CodeSize": 2048, "Description": "legacy",
          "Timeout": 3, "MemorySize": 128, "LastModified": "2023-01-10T08:00:00.000+0000", "CodeSha256": "sha", "Version": "$LATEST",
          "TracingConfig": { "Mode": "PassThrough" }, "RevisionId": "0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b", "PackageType": "Zip", "Architectures": ["x86_64"]
        }
        """;

    /// <summary>A container image function whose variables Lambda could not decrypt for the caller.</summary>
    public static string ImageFunction(string name) => $$"""
        {
          "FunctionName": "{{name}}", "FunctionArn": "{{Arn(name)}}", "Role": "arn:aws:iam::123456789012:role/{{name}}-role",
          "CodeSize": 0, "Timeout": 60, "MemorySize": 2048, "LastModified": "2026-10-01T10:00:00.000+0000", "Version": "$LATEST",
          "VpcConfig": { "SubnetIds": [], "SecurityGroupIds": [], "VpcId": "" },
          "Environment": { "Error": { "ErrorCode": "AccessDeniedException", "Message": "Lambda was unable to decrypt the environment variables because KMS access was denied." } },
          "KMSKeyArn": "{{Key}}", "PackageType": "Image", "Architectures": ["x86_64"]
        }
        """;

    public static Func<FakeRequest, HttpResponseMessage> Functions(string? nextMarker, params string[] functions) =>
        FakeAws.Json($$"""{ "Functions": [{{string.Join(",", functions)}}]{{(nextMarker is null ? "" : $", \"NextMarker\": \"{nextMarker}\"")}} }""");

    /// <summary>GetPolicy's answer: the policy as a JSON string, as AddPermission wrote it.</summary>
    public static Func<FakeRequest, HttpResponseMessage> Policy(string name) => FakeAws.Json($$$$"""
        { "Policy": "{\"Version\":\"2012-10-17\",\"Id\":\"default\",\"Statement\":[{\"Sid\":\"apigw-invoke\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"apigateway.amazonaws.com\"},\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"{{{{Arn(name)}}}}\",\"Condition\":{\"ArnLike\":{\"AWS:SourceArn\":\"arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/*/POST/orders\"}}}]}",
          "RevisionId": "4b5c2a8e-2f6d-4f2e-9e41-7d0b1c3a5e6f" }
        """);

    public static Func<FakeRequest, HttpResponseMessage> Urls(string? nextMarker, params (string Qualifier, string AuthType)[] urls) => FakeAws.Json($$"""
        { "FunctionUrlConfigs": [{{string.Join(",", urls.Select(u => $$"""
            { "FunctionUrl": "https://{{u.Qualifier}}abcdefghijklmnopqrstuv.lambda-url.eu-west-1.on.aws/", "FunctionArn": "{{Arn("api")}}{{(u.Qualifier.Length == 0 ? "" : ":" + u.Qualifier)}}",
              "AuthType": "{{u.AuthType}}", "CreationTime": "2026-11-01T10:00:00.000Z", "LastModifiedTime": "2026-11-01T10:00:00.000Z", "InvokeMode": "BUFFERED" }
            """))}}]{{(nextMarker is null ? "" : $", \"NextMarker\": \"{nextMarker}\"")}} }
        """);

    public static Func<FakeRequest, HttpResponseMessage> Tags(string json) => FakeAws.Json($$"""{ "Tags": {{json}} }""");

    /// <summary>A Lambda error: the code in x-amzn-ErrorType, the body {"Type", "Message"}.</summary>
    public static Func<FakeRequest, HttpResponseMessage> Error(string code, string message, HttpStatusCode status) => _ =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent($$"""{"Type":"User","Message":"{{message}}"}""", Encoding.UTF8, "application/json") };
        response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", $"{code}:http://internal.amazon.com/coral/com.amazonaws.lambda/");
        return response;
    };

    public static Func<FakeRequest, HttpResponseMessage> NoPolicy =>
        Error("ResourceNotFoundException", "The resource you requested does not exist.", HttpStatusCode.NotFound);

    /// <summary>Routes one REST path of Lambda (any query).</summary>
    public static FakeAws OnPath(this FakeAws aws, string path, params Func<FakeRequest, HttpResponseMessage>[] replies) =>
        aws.On(r => r.Service == "lambda" && r.Method == HttpMethod.Get && Uri.UnescapeDataString(r.Path) == path, replies);

    /// <summary>The three per-function routes of a function with no policy, no URL and no tags unless given.</summary>
    public static FakeAws OnFunction(this FakeAws aws, string name, Func<FakeRequest, HttpResponseMessage>? policy = null,
        Func<FakeRequest, HttpResponseMessage>? urls = null, Func<FakeRequest, HttpResponseMessage>? tags = null) =>
        aws.OnPath($"/2015-03-31/functions/{name}/policy", policy ?? NoPolicy)
            .OnPath($"/2021-10-31/functions/{name}/urls", urls ?? Urls(null))
            .OnPath($"/2017-03-31/tags/{Arn(name)}", tags ?? Tags("{}"));
}
