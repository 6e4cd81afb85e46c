const { DynamoDBClient, GetItemCommand } = require("@aws-sdk/client-dynamodb");
const db = new DynamoDBClient({});
exports.handler = async (event) => {
  const code = event.pathParameters && event.pathParameters.code;
  const item = await db.send(new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { code: { S: code } } }));
  if (!item.Item) return { statusCode: 404, body: "not found" };
  return { statusCode: 301, headers: { location: item.Item.url.S } };
};
