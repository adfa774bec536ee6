#include "jobs/output_names.h"
#include "scan/scan.h"
#include "test.h"
#include "jobs/workload.h"

#include <stdlib.h>
#include <unistd.h>

static void dns1123_should_make_any_key_a_kubernetes_name(void)
{
	char name[254];
	output_names_dns1123("Web App_v2", name, sizeof(name));
	CHECK_STR(name, "web-app-v2");
	output_names_dns1123("registry.k8s.io/shop/web:1.0", name, sizeof(name));
	CHECK_STR(name, "registry.k8s.io-shop-web-1.0");
	output_names_dns1123("--.-", name, sizeof(name));
	CHECK_STR(name, "profile");
	output_names_dns1123("-Ünïcode-", name, sizeof(name));
	CHECK_STR(name, "n-code");
}

static void k8s_key_should_drop_a_deployments_generated_suffixes(void)
{
	struct scan_container c;
	char key[256];
	memset(&c, 0, sizeof(c));
	strcpy(c.k8s_namespace, "shop");
	strcpy(c.k8s_pod, "web-7d9f8b6c5d-x2x9z");
	CHECK(workload_key(GROUP_K8S, &c, 0, key, sizeof(key)));
	CHECK_STR(key, "shop/web");
	strcpy(c.k8s_pod, "db-0");
	CHECK(workload_key(GROUP_K8S, &c, 0, key, sizeof(key)));
	CHECK_STR(key, "shop/db-0");
	strcpy(c.k8s_pod, "agent-q8k2m");
	CHECK(workload_key(GROUP_K8S, &c, 0, key, sizeof(key)));
	CHECK_STR(key, "shop/agent");
	c.k8s_pod[0] = '\0';
	CHECK(!workload_key(GROUP_K8S, &c, 0, key, sizeof(key)));
}

static void selection_should_or_within_an_option_and_and_across(void)
{
	struct workload_selection s;
	struct scan_container c;
	const char *keys[SCAN_LABEL_KEYS_MAX];
	size_t key_count;
	memset(&s, 0, sizeof(s));
	memset(&c, 0, sizeof(c));
	strcpy(c.repository, "registry:5000/shop/web");
	strcpy(c.tag, "1.0");
	strcpy(c.name, "web-1");
	s.images[s.image_count++] = "nginx";
	s.images[s.image_count++] = "registry:5000/shop/web";
	key_count = workload_label_keys(&s, NULL, keys);
	CHECK(workload_matches(&s, &c, keys, key_count));
	s.images[1] = "registry:5000/shop/web:1.0";
	CHECK(workload_matches(&s, &c, keys, key_count));
	s.images[1] = "registry:5000/shop/web:2.0";
	CHECK(!workload_matches(&s, &c, keys, key_count));
	s.images[1] = "registry:5000/shop/web";
	s.names[s.name_count++] = "db";
	CHECK(!workload_matches(&s, &c, keys, key_count));
	s.labels[s.label_count++] = "app=web";
	key_count = workload_label_keys(&s, NULL, keys);
	s.names[0] = "web-1";
	CHECK(!workload_matches(&s, &c, keys, key_count));
	strcpy(c.labels[0], "web");
	CHECK(workload_matches(&s, &c, keys, key_count));
}

static void pause_containers_should_be_infrastructure(void)
{
	struct scan_container c;
	memset(&c, 0, sizeof(c));
	strcpy(c.repository, "registry.k8s.io/pause");
	CHECK(workload_is_infrastructure(&c));
	strcpy(c.repository, "pauser");
	CHECK(!workload_is_infrastructure(&c));
	c.sandbox = true;
	CHECK(workload_is_infrastructure(&c));
}

static void scan_should_attribute_a_containers_early_events_to_it(void)
{
	static const char log[] =
		"{\"output_fields\":{\"container.id\":\"111111111111\",\"evt.type\":\"read\",\"container.name\":\"<NA>\"}}\n"
		"{\"output_fields\":{\"container.id\":\"111111111111\",\"evt.type\":\"write\"}}\n"
		"{\"output_fields\":{\"container.id\":\"111111111111\",\"evt.type\":\"close\",\"container.image.repository\":\"web\","
		"\"k8s.pod.sandbox_id\":\"999999999999abcd\"}}\n"
		"{\"output_fields\":{\"container.id\":\"999999999999\",\"evt.type\":\"pause\"}}\n";
	char path[] = "/tmp/f2s-unit-XXXXXX";
	int fd = mkstemp(path);
	const char *files[] = { path };
	struct arch_list arches;
	struct syscall_catalog *catalog = malloc(sizeof(*catalog));
	struct translator translator;
	struct scan *scan = calloc(1, sizeof(*scan));
	CHECK(fd >= 0 && write(fd, log, sizeof(log) - 1) == (ssize_t)(sizeof(log) - 1));
	close(fd);
	arch_list_default(&arches);
	syscall_catalog_init(catalog, &arches);
	CHECK(translator_init(&translator, catalog, false, false) == 0);
	scan->files = files;
	scan->file_count = 1;
	scan->translator = &translator;
	CHECK(scan_run(scan) == SCAN_OK);
	CHECK(scan->container_count == 2);
	CHECK(strcmp(scan->containers[0].repository, "web") == 0 && scan->containers[0].events == 3);
	CHECK(scan->containers[0].events_before_fields == 2 && scan->containers[0].fields_known);
	CHECK(syscall_set_count(&scan->containers[0].syscalls) == 3);
	CHECK(!scan->containers[0].sandbox && scan->containers[1].sandbox);
	scan_free(scan);
	translator_free(&translator);
	free(scan);
	free(catalog);
	unlink(path);
}

const struct test_case workload_tests[] = {
	TEST_CASE(dns1123_should_make_any_key_a_kubernetes_name),
	TEST_CASE(k8s_key_should_drop_a_deployments_generated_suffixes),
	TEST_CASE(selection_should_or_within_an_option_and_and_across),
	TEST_CASE(pause_containers_should_be_infrastructure),
	TEST_CASE(scan_should_attribute_a_containers_early_events_to_it),
	{ NULL, NULL },
};
