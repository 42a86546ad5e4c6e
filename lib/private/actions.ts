/**
 * The IAM actions behind each grant, in one place.
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonappstream2.0.html
 */
export const IMAGE_BUILDER_STREAMING_URL_ACTIONS = ['appstream:CreateImageBuilderStreamingURL'];
export const IMAGE_BUILDER_START_STOP_ACTIONS = ['appstream:StartImageBuilder', 'appstream:StopImageBuilder'];
export const FLEET_START_STOP_ACTIONS = ['appstream:StartFleet', 'appstream:StopFleet'];
/** CreateStreamingURL is authorized on both the stack and the fleet it names. */
export const STACK_STREAMING_URL_ACTIONS = ['appstream:CreateStreamingURL'];
export const APP_BLOCK_BUILDER_STREAMING_URL_ACTIONS = ['appstream:CreateAppBlockBuilderStreamingURL'];
export const APP_BLOCK_BUILDER_START_STOP_ACTIONS = ['appstream:StartAppBlockBuilder', 'appstream:StopAppBlockBuilder'];
