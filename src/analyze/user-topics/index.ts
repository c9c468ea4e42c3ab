/** User-trained topics: analysts label articles in or out; a per-topic linear model learns from them. */
export { LABELLED_SCORE, type LabelChange, labelArticle, removeLabel } from './label-article.js'
export { type RetrainOutcome, rescoreTopic, retrainTopic, SCORED_ARTICLES } from './retrain-topic.js'
export { SUGGESTION_WINDOW, type Suggestion, suggestToLabel } from './suggest-to-label.js'
export { queueRetrain, RESCORE_TASK, RETRAIN_TASK, USER_TOPIC_SCHEDULE, userTopicTasks } from './tasks.js'
export { MIN_LABELS_PER_CLASS, type TopicMetrics } from './topic-metrics.js'
export { type TopicStatus, topicStatus } from './topic-status.js'
export {
  createUserTopic,
  deleteUserTopic,
  getUserTopic,
  listUserTopics,
  type UserTopicRow,
  type UserTopicSummary,
  userTopicKey,
} from './user-topic-store.js'
