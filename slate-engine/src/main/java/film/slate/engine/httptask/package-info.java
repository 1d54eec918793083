/**
 * The cloud task backend ({@code type: http-task}): the asynchronous pattern of hosted video APIs
 * (create a task with a POST, poll its status, download the result URL), configured with a
 * request template and JSON pointers, with the API key read from an environment variable and
 * never written anywhere.
 */
package film.slate.engine.httptask;
